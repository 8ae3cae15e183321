/**
 * The job runner: runs, logs, locks, schedules, the daily call budget and the job API.
 * Feature modules contribute jobs through its public interfaces; it uses the spotify
 * module only to count each run's calls and to respect the daily call budget.
 */
@ApplicationModule(displayName = "Jobs", allowedDependencies = { "app", "spotify", "account" })
package dev.spotifytracker.job;

import org.springframework.modulith.ApplicationModule;
