/**
 * Play history: recently-played polling and play queries. Played tracks are stored in the
 * library module's catalog (plays refer to them), through its public
 * {@code CatalogWriter}.
 */
@ApplicationModule(displayName = "Plays", allowedDependencies = { "app", "spotify", "job", "account", "library" })
package dev.spotifytracker.plays;

import org.springframework.modulith.ApplicationModule;
