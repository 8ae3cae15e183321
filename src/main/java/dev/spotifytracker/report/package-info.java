/**
 * Listening statistics for the dashboard.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = {})
package dev.spotifytracker.report;

import org.springframework.modulith.ApplicationModule;
