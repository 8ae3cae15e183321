package dev.spotifytracker.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Schedules and budgets of the background jobs.
 *
 * @param schedulesEnabled {@code TRACKER_SCHEDULES_ENABLED}: false leaves every job to
 * the dashboard and the job API
 * @param cycleCron the 10-minute cycle: library (incremental), plays, playlists
 * @param reconcileCron the daily full pass of every list
 * @param zone the time zone of the cron expressions
 * @param dailyCallBudget Spotify calls the app may make in a rolling 24 hours, all
 * accounts together; past 90% only the plays job runs
 * @param availabilityBatch the most one-track look-ups one availability run makes
 * @param runRetentionDays {@code TRACKER_RUN_RETENTION_DAYS}: runs (with their log lines)
 * that started longer ago are forgotten by the daily schedule
 */
@ConfigurationProperties("tracker.jobs")
public record JobProperties(@DefaultValue("true") boolean schedulesEnabled,
		@DefaultValue("0 */10 * * * *") String cycleCron, @DefaultValue("0 7 7 * * *") String reconcileCron,
		@DefaultValue("UTC") String zone, @DefaultValue("1500") int dailyCallBudget,
		@DefaultValue("50") int availabilityBatch, @DefaultValue("365") int runRetentionDays) {

	public JobProperties {
		if (runRetentionDays < 1) {
			throw new IllegalArgumentException(
					"TRACKER_RUN_RETENTION_DAYS must be 1 or more days, not " + runRetentionDays + ".");
		}
	}

}
