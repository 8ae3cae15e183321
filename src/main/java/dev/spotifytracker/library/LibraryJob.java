package dev.spotifytracker.library;

import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.job.JobSchedule;

import org.springframework.stereotype.Component;

/**
 * {@code library}: the 10-minute incremental sync of saved albums and liked tracks. With
 * nothing changed it costs one call per list.
 */
@Component
class LibraryJob implements Job {

	static final String LOCK_GROUP = "library";

	private final LibrarySync sync;

	LibraryJob(LibrarySync sync) {
		this.sync = sync;
	}

	@Override
	public String name() {
		return "library";
	}

	@Override
	public String description() {
		return "Saved albums and liked tracks: what changed since the last sync.";
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.cycle(10);
	}

	@Override
	public String lockGroup() {
		return LOCK_GROUP;
	}

	@Override
	public JobResult run(JobContext context) {
		return this.sync.sync(context, SyncMode.INCREMENTAL);
	}

}
