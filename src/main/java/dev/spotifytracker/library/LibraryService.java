package dev.spotifytracker.library;

import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.stereotype.Service;

/**
 * The library module's public face for the dashboard: how big an account's library is,
 * searches over it, and one track's detail. Play figures come from the plays module's
 * {@code PlayService}.
 */
@Service
public class LibraryService {

	/** The longest page a search returns. */
	public static final int MAX_LIMIT = 500;

	private final LibraryQueries queries;

	LibraryService(LibraryQueries queries) {
		this.queries = queries;
	}

	public LibraryCounts counts(AccountId account) {
		return this.queries.counts(account);
	}

	/**
	 * Library tracks whose name, album or artist contains {@code query} (all when blank),
	 * by name.
	 */
	public List<LibraryTrack> searchTracks(AccountId account, String query, int limit, int offset) {
		return this.queries.tracks(account, query, clamp(limit), Math.max(0, offset));
	}

	/**
	 * Saved albums and albums of library tracks whose name or artist contains
	 * {@code query} (all when blank), by name.
	 */
	public List<LibraryAlbum> searchAlbums(AccountId account, String query, int limit, int offset) {
		return this.queries.albums(account, query, clamp(limit), Math.max(0, offset));
	}

	/**
	 * Artists of library tracks whose name contains {@code query} (all when blank), by
	 * name.
	 */
	public List<LibraryArtist> searchArtists(AccountId account, String query, int limit, int offset) {
		return this.queries.artists(account, query, clamp(limit), Math.max(0, offset));
	}

	/**
	 * A stored track (in the library or only played) as the account sees it.
	 */
	public Optional<TrackDetail> track(AccountId account, String trackId) {
		return this.queries.track(account, trackId);
	}

	private static int clamp(int limit) {
		return Math.max(1, Math.min(limit, MAX_LIMIT));
	}

}
