/**
 * Albums, tracks, artists, saved albums, liked tracks and availability, and the jobs that
 * sync them.
 */
@ApplicationModule(displayName = "Library", allowedDependencies = { "app", "spotify", "job", "account" })
package dev.spotifytracker.library;

import org.springframework.modulith.ApplicationModule;
