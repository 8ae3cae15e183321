package dev.spotifytracker.job;

import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

/**
 * One kind of work done for one account, contributed by a feature module (library, plays,
 * playlists...): a bean implementing this interface is a job. It declares its name, what
 * it does and when the schedules run it, so the runner, the schedules and the jobs page
 * need not know it. The runner gives it a {@link JobContext}: its run's Spotify client,
 * log and progress. A job throws to fail its run; what it wrote in finished transactions
 * stays, so each stage must commit atomically.
 */
public interface Job {

	/**
	 * @return the name of the job in the job API and the dashboard, e.g. {@code library}
	 */
	String name();

	/**
	 * @return one line for the jobs page: what a run does
	 */
	String description();

	/**
	 * @return when the schedules run the job; by default only on demand
	 */
	default JobSchedule schedule() {
		return JobSchedule.onDemand();
	}

	/**
	 * Jobs whose work this one also does, so their next scheduled run counts this one's
	 * schedule too (the daily playlist check also pushes the playlists).
	 */
	default List<String> alsoDoes() {
		return List.of();
	}

	/**
	 * Whether the jobs page offers a button for the job; the job API starts any job.
	 */
	default boolean listed() {
		return true;
	}

	/**
	 * Asked by the cycle before it runs the job for the account: why there is nothing to
	 * do (no run is recorded then), or empty to run it.
	 */
	default Optional<String> notNeeded(AccountId account) {
		return Optional.empty();
	}

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
