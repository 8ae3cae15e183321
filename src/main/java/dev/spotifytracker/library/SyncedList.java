package dev.spotifytracker.library;

import java.util.List;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.Page;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.Track;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A newest-first list of an account's library on Spotify (saved albums, liked tracks):
 * how {@link ListSync} reads it and what it stores besides the list rows.
 *
 * @param <T> Spotify's entry type
 */
interface SyncedList<T> {

	/**
	 * @return the list's name in log lines, e.g. {@code saved albums}
	 */
	String label();

	ListTable table();

	Page<T> fetch(SpotifyClient spotify, int offset);

	IncrementalPlan.Entry entry(T item);

	/**
	 * Stores the catalog rows a page refers to (committed at once, see
	 * {@link CatalogCommits}), calling Spotify for more where the page is not complete
	 * (the rest of a long album).
	 * @param alreadyListed ids of the page that were in the stored list before this run
	 * @param mode a reconcile re-reads what an incremental pass takes as known
	 * @return the tracks whose availability the page (and what was read for it) tells
	 */
	List<Track> storeCatalog(SpotifyClient spotify, List<T> items, Set<String> alreadyListed, SyncMode mode);

	/**
	 * Runs in the pass's transaction just before the staged entries are merged into the
	 * list.
	 * @return list rows this removed
	 */
	default int beforeMerge(JdbcClient jdbc, AccountId account) {
		return 0;
	}

}
