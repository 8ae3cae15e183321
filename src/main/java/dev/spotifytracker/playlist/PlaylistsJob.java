package dev.spotifytracker.playlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.job.JobSchedule;

import org.springframework.stereotype.Component;

/**
 * Job {@code playlists}: pushes every enabled smart playlist of the account, each with
 * the fewest calls (none when nothing changed). Reports per playlist tracks, added,
 * removed and calls in the run's details ({@code playlists}) and log. Fails the run when
 * a playlist failed, after trying the others.
 */
@Component
class PlaylistsJob implements Job {

	static final String NAME = "playlists";

	private final PlaylistPublisher publisher;

	private final PlaylistsDue due;

	PlaylistsJob(PlaylistPublisher publisher, PlaylistsDue due) {
		this.publisher = publisher;
		this.due = due;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String description() {
		return "Rebuild the smart playlists and push what changed.";
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.cycle(30);
	}

	/**
	 * In the cycle, only when the library or the plays changed since the last push.
	 */
	@Override
	public Optional<String> notNeeded(AccountId account) {
		return this.due.isDue(account) ? Optional.empty() : Optional.of("not needed: nothing changed");
	}

	@Override
	public JobResult run(JobContext context) {
		return publishAll(context);
	}

	/**
	 * Also the second half of {@link PlaylistsReconcileJob}.
	 */
	JobResult publishAll(JobContext context) {
		this.due.clear(context.account());
		boolean pushed = false;
		try {
			JobResult result = pushEach(context);
			pushed = true;
			return result;
		}
		finally {
			if (!pushed) {
				// what failed is replaced in full by the next cycle's push
				this.due.mark(context.account());
			}
		}
	}

	private JobResult pushEach(JobContext context) {
		List<Map<String, Object>> details = new ArrayList<>();
		List<PublishOutcome> outcomes;
		try {
			outcomes = this.publisher.publishAll(context.account(), context.spotify(), (outcome, done, total) -> {
				details.add(outcome.toDetail());
				log(context, outcome);
				context.progress(done, total);
			});
		}
		finally {
			context.detail("playlists", details);
		}
		int calls = outcomes.stream().mapToInt(PublishOutcome::calls).sum();
		int changes = outcomes.stream().mapToInt((outcome) -> outcome.added() + outcome.removed()).sum();
		long updated = outcomes.stream()
			.filter((o) -> o.change().equals("edit") || o.change().equals("replace"))
			.count();
		List<PublishOutcome> failed = outcomes.stream().filter(PublishOutcome::failed).toList();
		if (!failed.isEmpty()) {
			throw new PlaylistActionException(failed.size() + " of " + outcomes.size() + " playlists failed ("
					+ String.join(", ", failed.stream().map((o) -> o.name()).toList())
					+ "); the next run replaces them in full: " + failed.get(0).error());
		}
		return new JobResult(changes, outcomes.size() + " playlists, " + updated + " updated, " + calls
				+ ((calls == 1) ? " Spotify call" : " Spotify calls"));
	}

	private static void log(JobContext context, PublishOutcome outcome) {
		String name = outcome.name();
		if (outcome.failed()) {
			context.warn("{}: push failed after {} calls, the next run replaces it in full: {}", name, outcome.calls(),
					outcome.error());
		}
		else if (outcome.awaitsConfirmation()) {
			context.info("{}: not created, its result is empty; push it on the playlists page to confirm", name);
		}
		else if (outcome.change().equals("skipped")) {
			context.info("{}: playlist {} was removed from your library; left alone until you recreate or relink it",
					name, outcome.spotifyPlaylistId());
		}
		else {
			context.info("{}: {} tracks, {} added, {} removed, {} calls ({}{})", name, outcome.tracks(),
					outcome.added(), outcome.removed(), outcome.calls(), outcome.change(),
					outcome.created() ? ", playlist created" : "");
		}
	}

}
