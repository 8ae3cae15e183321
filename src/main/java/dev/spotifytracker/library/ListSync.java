package dev.spotifytracker.library;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.Page;
import dev.spotifytracker.spotify.SpotifyClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings one stored list in step with Spotify in ONE transaction: pages are written as
 * they arrive (the heap holds one page), the ids read go to a temporary table, and only
 * the commit makes the result visible. A failed call rolls everything back, so readers
 * see the previous list and the next run repairs it.
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

	private final TransactionTemplate transaction;

	ListSync(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	<T> ListOutcome sync(AccountId account, SpotifyClient spotify, SyncedList<T> list, SyncMode mode,
			Progress progress) {
		return this.transaction.execute((status) -> new Pass<>(account, spotify, list, mode, progress).run());
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

		private final SyncMode mode;

		private final Progress progress;

		private final SeenIds seen;

		private int offset;

		private int pages;

		private int total;

		private boolean hasNext = true;

		private Instant oldest;

		private SyncedList.PageChanges changes = SyncedList.PageChanges.NONE;

		Pass(AccountId account, SpotifyClient spotify, SyncedList<T> list, SyncMode mode, Progress progress) {
			this.account = account;
			this.spotify = spotify;
			this.list = list;
			this.mode = mode;
			this.progress = progress;
			// the list rows written here refer to catalog rows committed beside this
			// transaction
			CatalogLock.holdShared(ListSync.this.jdbc);
			this.seen = SeenIds.create(ListSync.this.jdbc);
		}

		ListOutcome run() {
			boolean full = this.mode == SyncMode.RECONCILE;
			String reason = null;
			if (!full) {
				boolean reachedKnown = false;
				while (this.hasNext && !reachedKnown) {
					reachedKnown = readPage();
				}
				IncrementalPlan.Verdict verdict = IncrementalPlan.check(this.total, this.list.count(this.account),
						this.list.missingFrom(this.account, this.seen,
								(this.oldest != null) ? this.oldest : Instant.EPOCH));
				if (!verdict.consistent()) {
					full = true;
					reason = verdict.reason();
					log.info("Account {}: full pass of {}: {}", this.account, this.list.label(), reason);
				}
			}
			int removed = 0;
			if (full) {
				while (this.hasNext) {
					readPage();
				}
				removed = this.list.removeAllBut(this.account, this.seen);
			}
			return new ListOutcome(this.list.label(), full, reason, this.pages, this.total, this.changes.listed(),
					removed, this.changes.availability());
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
			Map<String, Instant> stored = this.list.stored(this.account, ids);
			this.changes = this.changes
				.plus(this.list.write(this.account, this.spotify, page.items(), stored.keySet(), this.mode));
			this.seen.addAll(ids);
			for (IncrementalPlan.Entry entry : entries) {
				if (entry.addedAt() != null && (this.oldest == null || entry.addedAt().isBefore(this.oldest))) {
					this.oldest = entry.addedAt();
				}
			}
			this.offset += page.items().size();
			// an empty page that claims a next one would loop forever
			this.hasNext = page.hasNext() && !page.items().isEmpty();
			this.progress.pageRead(this.list.label(), this.offset, Math.max(this.total, this.offset));
			return IncrementalPlan.reachesKnownEntry(entries, stored);
		}

	}

}
