package dev.spotifytracker.modularityfixture.caller;

import dev.spotifytracker.modularityfixture.callee.internal.Hidden;

/** Breaks the rule on purpose: uses another module's internal type. */
public class ReachesIn {

	Hidden hidden = new Hidden();

}
