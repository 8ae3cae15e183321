package dev.spotifytracker.library;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.Page;
import dev.spotifytracker.spotify.SpotifyClient;

/**
 * A newest-first list of an account's library on Spotify (saved albums, liked tracks) and
 * its stored copy: what {@link ListSync} needs to keep one in step with the other. Every
 * method but {@link #fetch} works in the caller's transaction.
 *
 * @param <T> Spotify's entry type
 */
interface SyncedList<T> {

	/**
	 * @return the list's name in log lines, e.g. {@code saved albums}
	 */
	String label();

	Page<T> fetch(SpotifyClient spotify, int offset);

	IncrementalPlan.Entry entry(T item);

	/**
	 * The stored {@code added_at} of those of {@code ids} the account has in the list.
	 */
	Map<String, Instant> stored(AccountId account, Collection<String> ids);

	/**
	 * Stores one page: its catalog rows, the list rows and the availability of its
	 * tracks. May call Spotify for more of what the page refers to (the rest of a long
	 * album).
	 * @param alreadyListed ids of the page already in the stored list before this run
	 * @param mode a reconcile re-reads what an incremental pass takes as known
	 */
	PageChanges write(AccountId account, SpotifyClient spotify, List<T> items, Set<String> alreadyListed,
			SyncMode mode);

	int count(AccountId account);

	/**
	 * Stored entries added after {@code oldest} that are not in {@code seen}.
	 */
	int missingFrom(AccountId account, SeenIds seen, Instant oldest);

	/**
	 * Removes the stored entries that are not in {@code seen} (after a full pass).
	 * @return how many were removed
	 */
	int removeAllBut(AccountId account, SeenIds seen);

	/**
	 * What storing one page changed.
	 *
	 * @param listed list rows added or given a new {@code added_at}
	 * @param availability tracks whose availability is new or changed
	 */
	record PageChanges(int listed, int availability) {

		static final PageChanges NONE = new PageChanges(0, 0);

		PageChanges plus(PageChanges other) {
			return new PageChanges(this.listed + other.listed, this.availability + other.availability);
		}

	}

}
