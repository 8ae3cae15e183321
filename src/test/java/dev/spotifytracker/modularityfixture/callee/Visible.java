package dev.spotifytracker.modularityfixture.callee;

/** The callee module's public face. */
public class Visible {

}
