/**
 * Smart playlist rules, their SQL, publishing to Spotify and the playlist mappings.
 */
@ApplicationModule(displayName = "Smart playlists",
		allowedDependencies = { "app", "spotify", "job", "account", "library", "plays" })
package dev.spotifytracker.playlist;

import org.springframework.modulith.ApplicationModule;
