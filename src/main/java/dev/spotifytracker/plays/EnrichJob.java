package dev.spotifytracker.plays;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.account.JobAccounts;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobProperties;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.job.JobSchedule;
import dev.spotifytracker.library.CatalogService;
import dev.spotifytracker.spotify.SpotifyRequestException;
import dev.spotifytracker.spotify.Track;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code enrich}: fills in the album, artists, length and cover of tracks known only from
 * an imported export (stubs), one {@code GET /tracks/{id}} each (the batch look-up is
 * gone), the account's most-played first. A run spends at most a fifth of the daily call
 * budget, shared among the accounts, so the import's catalogue fills in over days without
 * starving the sync. A 404 marks the track as no longer known to Spotify; a 429 or a
 * server error stops the run and leaves the rest for the next one.
 * <p>
 * The length it learns changes no play rollup: a stub's plays all know how long they
 * lasted (an export row always has {@code ms_played}, and a polled play merged with one
 * gains it), and a polled play's track is saved with its length before the play is
 * stored, so no play's time or start waits on the enrichment.
 */
@Component
class EnrichJob implements Job {

	/** The share of the daily call budget the enrichment of all accounts may spend. */
	static final int BUDGET_PERCENT = 20;

	/** Answers stored per transaction: a later failure keeps what earlier calls cost. */
	private static final int SAVE_EVERY = 50;

	private final StubQueue stubs;

	private final CatalogService catalog;

	private final JobProperties properties;

	private final JobAccounts accounts;

	private final TransactionTemplate transaction;

	EnrichJob(StubQueue stubs, CatalogService catalog, JobProperties properties, JobAccounts accounts,
			PlatformTransactionManager transactions) {
		this.stubs = stubs;
		this.catalog = catalog;
		this.properties = properties;
		this.accounts = accounts;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public String name() {
		return "enrich";
	}

	@Override
	public String description() {
		return "Fills in album, artists and length of tracks known only from an imported history, most played first.";
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.daily(25);
	}

	@Override
	public Optional<String> notNeeded(AccountId account) {
		return (this.stubs.size(account) == 0) ? Optional.of("No track is known only from an imported history")
				: Optional.empty();
	}

	@Override
	public int estimatedCalls(AccountId account) {
		return Math.min(this.stubs.size(account), callsPerRun());
	}

	/**
	 * A fifth of the daily budget, shared by the accounts the schedules run for; at least
	 * one call, so a run always makes progress.
	 */
	int callsPerRun() {
		int accountCount = Math.max(1, this.accounts.scheduled().size());
		return Math.max(1, this.properties.dailyCallBudget() * BUDGET_PERCENT / 100 / accountCount);
	}

	@Override
	public JobResult run(JobContext context) {
		List<String> queue = this.stubs.next(context.account(), callsPerRun());
		List<Track> found = new ArrayList<>();
		List<String> gone = new ArrayList<>();
		int asked = 0;
		int saved = 0;
		String stoppedBy = null;
		for (String trackId : queue) {
			try {
				found.add(context.spotify().track(trackId));
			}
			catch (SpotifyRequestException ex) {
				if (ex.status() == 404) {
					gone.add(trackId);
				}
				else if (ex.status() == 429 || ex.status() >= 500) {
					stoppedBy = "Spotify answered " + ex.status();
					break;
				}
				else {
					saved += save(found, gone);
					throw ex;
				}
			}
			asked++;
			context.progress(asked, queue.size());
			if (found.size() + gone.size() >= SAVE_EVERY) {
				saved += save(found, gone);
			}
		}
		saved += save(found, gone);
		int left = this.stubs.size(context.account());
		String message = saved + " tracks filled in or marked unknown to Spotify, " + left + " left"
				+ ((stoppedBy != null) ? " (stopped early: " + stoppedBy + "; the rest waits for the next run)" : "");
		if (stoppedBy != null) {
			context.warn("Enrich: {}", message);
		}
		else {
			context.info("Enrich: {}", message);
		}
		return new JobResult(saved, message);
	}

	private int save(List<Track> found, List<String> gone) {
		if (found.isEmpty() && gone.isEmpty()) {
			return 0;
		}
		int count = found.size() + gone.size();
		this.transaction.executeWithoutResult((status) -> {
			this.catalog.saveTracks(List.copyOf(found));
			this.catalog.markNotFound(List.copyOf(gone));
		});
		found.clear();
		gone.clear();
		return count;
	}

}
