/**
 * Listening statistics for the dashboard.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = { "app", "account", "library", "plays", "playlist" })
package dev.spotifytracker.report;

import org.springframework.modulith.ApplicationModule;
