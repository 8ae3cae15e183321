package dev.spotifytracker.playlist;

import java.util.List;

import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.job.JobSchedule;

import org.springframework.stereotype.Component;

/**
 * Job {@code playlists-reconcile}, for the daily schedule: checks each mapped playlist's
 * snapshot against the user's playlists (a hand-edited one is replaced in full, a removed
 * one is marked and left alone), then pushes like {@code playlists}. Shares its lock
 * group, so the two never run at once for an account.
 */
@Component
class PlaylistsReconcileJob implements Job {

	static final String NAME = "playlists-reconcile";

	private final PlaylistReconciler reconciler;

	private final PlaylistsJob playlists;

	PlaylistsReconcileJob(PlaylistReconciler reconciler, PlaylistsJob playlists) {
		this.reconciler = reconciler;
		this.playlists = playlists;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String description() {
		return "Check for smart playlists edited or removed in Spotify, then push them.";
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.daily(30);
	}

	/**
	 * It pushes every playlist, as {@code playlists} does.
	 */
	@Override
	public List<String> alsoDoes() {
		return List.of(PlaylistsJob.NAME);
	}

	/**
	 * The daily schedule's; the jobs page offers {@code playlists} to push now.
	 */
	@Override
	public boolean listed() {
		return false;
	}

	@Override
	public String lockGroup() {
		return PlaylistsJob.NAME;
	}

	@Override
	public JobResult run(JobContext context) {
		PlaylistReconciler.ReconcileOutcome checked = this.reconciler.reconcile(context.account(), context.spotify());
		context.detail("reconcile", checked.toDetail());
		context.info("Checked {} playlists in {} calls: {} edited in Spotify, {} removed by you", checked.checked(),
				checked.calls(), checked.edited(), checked.removed());
		JobResult pushed = this.playlists.publishAll(context);
		return new JobResult(pushed.itemsChanged() + checked.edited() + checked.removed(),
				"Checked " + checked.checked() + " playlists (" + checked.edited() + " edited, " + checked.removed()
						+ " removed); " + pushed.message());
	}

}
