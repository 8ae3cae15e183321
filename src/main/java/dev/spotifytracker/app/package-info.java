/**
 * The application's foundation: database selection, settings and shared values. Depends
 * on nothing else of ours.
 */
@ApplicationModule(displayName = "Application", allowedDependencies = {})
package dev.spotifytracker.app;

import org.springframework.modulith.ApplicationModule;
