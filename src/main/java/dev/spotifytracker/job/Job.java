package dev.spotifytracker.job;

import dev.spotifytracker.app.AccountId;

/**
 * One kind of work done for one account, contributed by a feature module (library, plays,
 * playlists...). The runner gives it a {@link JobContext}: its run's Spotify client, log
 * and progress. A job throws to fail its run; what it wrote in finished transactions
 * stays, so each stage must commit atomically.
 */
public interface Job {

	/**
	 * @return the name of the job in the job API and the dashboard, e.g. {@code library}
	 */
	String name();

	JobResult run(JobContext context) throws Exception;

	/**
	 * Whether the job still runs when the day's Spotify call budget is nearly spent. Only
	 * {@code plays} does: Spotify keeps just the last 50 plays, so they cannot be fetched
	 * later.
	 */
	default boolean essential() {
		return false;
	}

	/**
	 * The Spotify calls the job expects to make for the account, as far as the stored
	 * data tells beforehand; 0 when it cannot tell or the job is small. A run that would
	 * take the day's count past 90% of the budget is skipped instead of running into
	 * Spotify's quota, which would stop every account for hours.
	 */
	default int estimatedCalls(AccountId account) {
		return 0;
	}

	/**
	 * Jobs of the same group never run at the same time for one account (the library
	 * sync, the reconcile and the availability check all write the library).
	 */
	default String lockGroup() {
		return name();
	}

}
