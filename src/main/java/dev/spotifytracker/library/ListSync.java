package dev.spotifytracker.library;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.Page;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings one stored list in step with Spotify: each page read is staged in a short
 * statement of its own ({@link PassStaging}; the heap holds one page), and no transaction
 * or pooled connection is held while the pass waits on Spotify (its calls, their
 * {@code Retry-After} waits). The list and the availability of its tracks are then merged
 * with set-based statements in ONE transaction, and only its commit makes the result
 * visible. A failed call leaves the stored list as it was, so readers see the previous
 * list and the next run repairs it.
 *
 * <p>
 * Incremental: newest-first until a known entry ({@link IncrementalPlan}); then Spotify's
 * {@code total} and the stored list must agree, or the pass goes on through every
 * remaining page (a full pass, reusing the pages already read) and removes what it did
 * not see.
 */
@Component
class ListSync {

	private static final Logger log = LoggerFactory.getLogger(ListSync.class);

	private final JdbcClient jdbc;

	private final AvailabilityRepository availability;

	private final LastFullPasses lastFullPasses;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ListSync(JdbcClient jdbc, AvailabilityRepository availability, LastFullPasses lastFullPasses,
			PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.availability = availability;
		this.lastFullPasses = lastFullPasses;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	<T> ListOutcome sync(AccountId account, SpotifyClient spotify, SyncedList<T> list, SyncMode mode,
			Progress progress) {
		return new Pass<>(account, spotify, list, mode, progress).run();
	}

	/**
	 * Hears of each page read.
	 */
	@FunctionalInterface
	interface Progress {

		Progress NONE = (list, done, total) -> {
		};

		void pageRead(String list, int entriesRead, int total);

	}

	/**
	 * What one list's sync did.
	 *
	 * @param fullPassReason why an incremental pass read the whole list, or null
	 * @param listed list rows added or re-dated (or removed as relinked)
	 * @param availability tracks whose availability is new or changed
	 */
	record ListOutcome(String list, boolean fullPass, String fullPassReason, int pagesRead, int total, int listed,
			int removed, int availability) {

		int changed() {
			return this.listed + this.removed + this.availability;
		}

	}

	private final class Pass<T> {

		private final AccountId account;

		private final SpotifyClient spotify;

		private final SyncedList<T> list;

		private final ListTable table;

		private final SyncMode mode;

		private final Progress progress;

		private final PassStaging staging;

		private int offset;

		private int pages;

		private int total;

		private boolean hasNext = true;

		private Instant oldest;

		private int listed;

		Pass(AccountId account, SpotifyClient spotify, SyncedList<T> list, SyncMode mode, Progress progress) {
			this.account = account;
			this.spotify = spotify;
			this.list = list;
			this.table = list.table();
			this.mode = mode;
			this.progress = progress;
			this.staging = PassStaging.begin(ListSync.this.jdbc, account, this.table);
		}

		ListOutcome run() {
			try {
				return readAndMerge();
			}
			finally {
				forgetStaged();
			}
		}

		private ListOutcome readAndMerge() {
			if (this.mode != SyncMode.RECONCILE) {
				boolean reachedKnown = false;
				while (this.hasNext && !reachedKnown) {
					reachedKnown = readPage();
				}
				String[] fullPassReason = new String[1];
				ListOutcome incremental = ListSync.this.transaction.execute((status) -> {
					prepareMerge();
					merge();
					IncrementalPlan.Verdict verdict = IncrementalPlan.check(this.total,
							this.table.count(ListSync.this.jdbc, this.account),
							this.table.missingFromStaging(ListSync.this.jdbc, this.account,
									(this.oldest != null) ? this.oldest : Instant.EPOCH),
							ListSync.this.lastFullPasses.find(this.account, this.table).orElse(null));
					if (!verdict.consistent()) {
						// nothing of this merge stays: the full pass's merge does it all
						status.setRollbackOnly();
						fullPassReason[0] = verdict.reason();
						return null;
					}
					return finish(false, null, 0);
				});
				if (incremental != null) {
					return incremental;
				}
				this.listed = 0;
				log.info("Account {}: full pass of {}: {}", this.account, this.list.label(), fullPassReason[0]);
				return fullPass(fullPassReason[0]);
			}
			return fullPass(null);
		}

		private ListOutcome fullPass(String reason) {
			while (this.hasNext) {
				readPage();
			}
			return ListSync.this.transaction.execute((status) -> {
				prepareMerge();
				merge();
				int removed = this.table.removeAllButStaged(ListSync.this.jdbc, this.account);
				rememberFullPass();
				return finish(true, reason, removed);
			});
		}

		/**
		 * Inside the merge's transaction.
		 */
		private void prepareMerge() {
			// the list rows written here refer to catalog rows committed before, beside
			// this transaction: the cleanup waits until they are referred to
			CatalogLock.holdShared(ListSync.this.jdbc);
			this.staging.prepareMerge();
		}

		/**
		 * Inside the merge's transaction: the availability, and the staged rows forgotten
		 * with the commit.
		 */
		private ListOutcome finish(boolean full, String reason, int removed) {
			int availability = ListSync.this.availability.mergeStaged(this.account, ListSync.this.clock.instant());
			this.staging.forget();
			return new ListOutcome(this.list.label(), full, reason, this.pages, this.total, this.listed, removed,
					availability);
		}

		private void forgetStaged() {
			try {
				this.staging.forget();
			}
			catch (RuntimeException ex) {
				// the next pass of this list forgets them
				log.warn("Account {}: could not forget the staged pages of a {} pass: {}", this.account,
						this.list.label(), ex.getMessage());
			}
		}

		private void rememberFullPass() {
			int stored = this.table.count(ListSync.this.jdbc, this.account);
			if (stored != this.total) {
				// relinked duplicates or entries without a track: incremental passes
				// accept this gap until it changes
				log.info("Account {}: Spotify counts {} {}, the database {} after a full pass", this.account,
						this.total, this.list.label(), stored);
			}
			ListSync.this.lastFullPasses.save(this.account, this.table,
					new IncrementalPlan.LastFullPass(this.total, stored), ListSync.this.clock.instant());
		}

		private void merge() {
			JdbcClient jdbc = ListSync.this.jdbc;
			this.listed += this.list.beforeMerge(jdbc, this.account);
			this.listed += this.table.merge(jdbc, this.account);
		}

		/**
		 * @return whether the page held an entry already stored with the same added_at
		 */
		private boolean readPage() {
			Page<T> page = this.list.fetch(this.spotify, this.offset);
			if (this.pages == 0) {
				this.total = page.total();
			}
			this.pages++;
			List<IncrementalPlan.Entry> entries = page.items().stream().map(this.list::entry).toList();
			List<String> ids = entries.stream().map(IncrementalPlan.Entry::id).toList();
			Map<String, Instant> stored = this.table.stored(ListSync.this.jdbc, this.account, ids);
			this.staging.stageEntries(entries);
			List<Track> tracks = this.list.storeCatalog(this.spotify, page.items(), stored.keySet(), this.mode);
			this.staging.stageAvailability(tracks);
			for (IncrementalPlan.Entry entry : entries) {
				if (entry.addedAt() != null && (this.oldest == null || entry.addedAt().isBefore(this.oldest))) {
					this.oldest = entry.addedAt();
				}
			}
			if (page.leftOut() > 0) {
				log.info("Account {}: {} entries of {} without their {} left out", this.account, page.leftOut(),
						this.list.label(), (this.table == ListTable.SAVED_ALBUMS) ? "album" : "track");
			}
			this.offset += page.entries();
			this.hasNext = page.continues();
			this.progress.pageRead(this.list.label(), this.offset, Math.max(this.total, this.offset));
			return IncrementalPlan.reachesKnownEntry(entries, stored);
		}

	}

}
