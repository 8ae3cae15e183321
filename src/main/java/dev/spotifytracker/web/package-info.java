/**
 * The shared layout, error pages and the overview page.
 */
@ApplicationModule(displayName = "Web",
		allowedDependencies = { "app", "account", "job", "library", "plays", "playlist" })
package dev.spotifytracker.web;

import org.springframework.modulith.ApplicationModule;
