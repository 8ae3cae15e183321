/**
 * Listening statistics for the dashboard.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = { "app", "account", "library", "plays" })
package dev.spotifytracker.report;

import org.springframework.modulith.ApplicationModule;
