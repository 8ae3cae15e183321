package dev.spotifytracker.web;

import java.time.Instant;
import java.util.List;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.job.JobRun;
import dev.spotifytracker.library.LibraryCounts;

/**
 * One account on the overview.
 *
 * @param jobs each startable job with its last run and next scheduled run
 * @param banners what needs the user, most urgent first
 */
record AccountOverview(Account account, LibraryCounts counts, long plays, Instant lastPlayedAt, List<JobLine> jobs,
		List<Banner> banners) {

	/**
	 * @return whether a schedule runs any of the jobs
	 */
	public boolean scheduled() {
		return this.jobs.stream().anyMatch((line) -> line.next() != null);
	}

	/**
	 * @param last the job's last run for the account, or null
	 * @param next when the schedules next run it, or null
	 */
	record JobLine(String job, JobRun last, Instant next) {

	}

}
