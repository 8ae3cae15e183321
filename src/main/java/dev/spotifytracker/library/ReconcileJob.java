package dev.spotifytracker.library;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.job.JobSchedule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code reconcile}: the daily full pass of every list (and of every long album), which
 * catches what an incremental pass cannot see (a removal deep in a list offset by an
 * addition, availability changes of older entries) and cleans up the catalog.
 */
@Component
class ReconcileJob implements Job {

	private final LibrarySync sync;

	private final JdbcClient jdbc;

	ReconcileJob(LibrarySync sync, JdbcClient jdbc) {
		this.sync = sync;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "reconcile";
	}

	@Override
	public String description() {
		return "A full pass over saved albums and liked tracks.";
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.daily(10);
	}

	@Override
	public String lockGroup() {
		return LibraryJob.LOCK_GROUP;
	}

	/**
	 * A page per 50 saved albums and per 50 liked tracks (one at least each), and the
	 * album-tracks pages beyond the 50 tracks Spotify embeds in a saved album.
	 */
	@Override
	public int estimatedCalls(AccountId account) {
		return this.jdbc.sql("""
				select greatest(1, ceil(count(*) / 50.0))
				       + coalesce(sum(ceil(greatest(a.total_tracks - 50, 0) / 50.0)), 0)
				       + (select greatest(1, ceil(count(*) / 50.0)) from liked_tracks where account_id = :account)
				from saved_albums s join albums a on a.id = s.album_id
				where s.account_id = :account
				""").param("account", account.value()).query(Integer.class).single();
	}

	@Override
	public JobResult run(JobContext context) {
		return this.sync.sync(context, SyncMode.RECONCILE);
	}

}
