/**
 * The job runner: runs, logs, locks, schedules, the daily call budget and the job API.
 * Feature modules contribute jobs through its public interfaces.
 */
@ApplicationModule(displayName = "Jobs", allowedDependencies = { "app" })
package dev.spotifytracker.job;

import org.springframework.modulith.ApplicationModule;
