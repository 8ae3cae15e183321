package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.job.JobSchedule;
import dev.spotifytracker.library.CatalogService;
import dev.spotifytracker.spotify.PlayedTrack;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code plays}: one call for the plays after the newest stored one, stored with their
 * tracks and the play rollups ({@link PlayRollups}) in one transaction. Essential:
 * Spotify keeps only the last 50 plays, so this job runs even when the day's call budget
 * is nearly spent.
 */
@Component
class PlaysJob implements Job {

	/** The most plays recently played returns, and all Spotify keeps. */
	static final int PAGE_SIZE = 50;

	static final String NAME = "plays";

	/** The run's detail that holds a possible gap ({@code from}, {@code to}). */
	static final String GAP = "gap";

	private final PlayRepository plays;

	private final PlayWrites writes;

	private final PlayGaps gaps;

	private final CatalogService catalog;

	private final TransactionTemplate transaction;

	PlaysJob(PlayRepository plays, PlayWrites writes, PlayGaps gaps, CatalogService catalog,
			PlatformTransactionManager transactions) {
		this.plays = plays;
		this.writes = writes;
		this.gaps = gaps;
		this.catalog = catalog;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String description() {
		return "Your newest plays (Spotify keeps only the last 50).";
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.cycle(20);
	}

	@Override
	public boolean essential() {
		return true;
	}

	@Override
	public JobResult run(JobContext context) {
		Instant newest = this.plays.newestPlayedAt(context.account()).orElse(null);
		List<PlayedTrack> answer = context.spotify().recentlyPlayed(newest, PAGE_SIZE);
		Optional<PlayGap> gap = PlayGap.find(newest, answer.stream().map(PlayedTrack::playedAt).toList(), PAGE_SIZE);
		gap.ifPresent((found) -> {
			context.warn(
					"Plays: possible gap in the play history, plays between {} and {} may be lost (polled too rarely)",
					found.from(), found.to());
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("from", found.from().toString());
			detail.put("to", found.to().toString());
			context.detail(GAP, detail);
			this.gaps.record(context.account(), found);
		});
		// a local file has no Spotify id (and no catalog row to refer to)
		List<PlayedTrack> storable = answer.stream()
			.filter((play) -> play.track() != null && play.track().id() != null && play.track().album() != null)
			.toList();
		if (storable.size() < answer.size()) {
			context.info("Skipped {} plays of local files", answer.size() - storable.size());
		}
		int inserted = this.transaction.execute((status) -> {
			this.catalog.saveTracks(storable.stream().map(PlayedTrack::track).toList());
			return this.writes.insertRecentlyPlayed(context.account(), storable);
		});
		context.info("Plays: {} new of {} returned after {}", inserted, answer.size(), newest);
		return new JobResult(inserted, inserted + " new plays" + (gap.isPresent() ? " (possible gap)" : ""));
	}

}
