package dev.spotifytracker.library;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rules of an incremental pass over a newest-first Spotify list (saved albums, liked
 * tracks), kept apart from I/O so they can be tested alone.
 *
 * <p>
 * New entries only ever appear at the top, so paging can stop at the first entry already
 * stored with the same {@code added_at}: everything older is known. Removals can happen
 * anywhere, and no page shows them, but Spotify's {@code total} does: once the pages read
 * are merged, the stored list must have exactly {@code total} entries, and no stored
 * entry newer than the oldest one read may be missing from those pages. When either
 * fails, only a full pass of the list tells what changed.
 *
 * <p>
 * Some gaps between {@code total} and the stored list stay for good: two liked tracks
 * that Spotify relinks to one track id are one stored row, an entry whose track Spotify
 * no longer returns is none. So the comparison is against the gap the last full pass
 * left, not against zero; otherwise every cycle would read the whole list again.
 */
final class IncrementalPlan {

	private IncrementalPlan() {
	}

	/**
	 * Whether {@code page} reaches an entry already stored with the same
	 * {@code added_at}, so no older page needs reading.
	 * @param stored the stored {@code added_at} of the page's ids that are stored
	 */
	static boolean reachesKnownEntry(List<Entry> page, Map<String, Instant> stored) {
		for (Entry entry : page) {
			if (entry.addedAt() != null && entry.addedAt().equals(stored.get(entry.id()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Decides whether the stored list, with the pages read merged in, matches Spotify.
	 * @param spotifyTotal the list's {@code total} on its first page
	 * @param storedCount the stored entries after merging the pages read
	 * @param missingFromPages stored entries newer than the oldest entry read that the
	 * pages read did not contain
	 * @param lastFullPass what the last full pass of the list found, or null when there
	 * was none
	 */
	static Verdict check(int spotifyTotal, int storedCount, int missingFromPages, LastFullPass lastFullPass) {
		if (missingFromPages > 0) {
			return Verdict
				.fullPass(missingFromPages + " stored entries newer than the pages read are gone from Spotify");
		}
		int knownGap = (lastFullPass != null) ? lastFullPass.gap() : 0;
		int gap = spotifyTotal - storedCount;
		if (gap == knownGap) {
			return Verdict.CONSISTENT;
		}
		String counts = "Spotify counts " + spotifyTotal + ", the database " + storedCount;
		if (knownGap != 0) {
			return Verdict.fullPass(counts + ", but the last full pass left a difference of " + knownGap);
		}
		if (gap < 0) {
			return Verdict.fullPass(counts + ": " + (-gap) + " removed");
		}
		return Verdict.fullPass(counts + ": older entries are missing");
	}

	/**
	 * What a full pass of a list found: Spotify's {@code total} and the stored entries
	 * after it.
	 */
	record LastFullPass(int total, int stored) {

		int gap() {
			return this.total - this.stored;
		}

	}

	/**
	 * An entry of a list: an album or track id and when the account saved it.
	 */
	record Entry(String id, Instant addedAt) {

	}

	/**
	 * @param reason why a full pass is needed, or null when the list is consistent
	 */
	record Verdict(boolean consistent, String reason) {

		static final Verdict CONSISTENT = new Verdict(true, null);

		static Verdict fullPass(String reason) {
			return new Verdict(false, reason);
		}

	}

}
