package dev.spotifytracker.modularityfixture.callee.internal;

/** Internal to the callee module of the fixture. */
public class Hidden {

}
