package dev.spotifytracker.library;

import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobResult;

import org.springframework.stereotype.Component;

/**
 * {@code reconcile}: the daily full pass of every list (and of every long album), which
 * catches what an incremental pass cannot see (a removal deep in a list offset by an
 * addition, availability changes of older entries) and cleans up the catalog.
 */
@Component
class ReconcileJob implements Job {

	private final LibrarySync sync;

	ReconcileJob(LibrarySync sync) {
		this.sync = sync;
	}

	@Override
	public String name() {
		return "reconcile";
	}

	@Override
	public String lockGroup() {
		return LibraryJob.LOCK_GROUP;
	}

	@Override
	public JobResult run(JobContext context) {
		return this.sync.sync(context, SyncMode.RECONCILE);
	}

}
