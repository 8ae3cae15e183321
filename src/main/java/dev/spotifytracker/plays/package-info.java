/**
 * Play history: recently-played polling and play queries.
 */
@ApplicationModule(displayName = "Plays", allowedDependencies = { "app", "spotify", "job", "account" })
package dev.spotifytracker.plays;

import org.springframework.modulith.ApplicationModule;
