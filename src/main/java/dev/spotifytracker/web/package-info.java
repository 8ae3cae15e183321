/**
 * The shared layout, error pages and the overview page.
 */
@ApplicationModule(displayName = "Web",
		allowedDependencies = { "app", "account", "library", "plays", "playlist", "job", "report", "spotify" })
package dev.spotifytracker.web;

import org.springframework.modulith.ApplicationModule;
