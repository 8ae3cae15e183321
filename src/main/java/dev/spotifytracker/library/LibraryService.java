package dev.spotifytracker.library;

import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The library module's public face for the dashboard: how big an account's library is,
 * searches over it, and one track's detail. Play figures come from the module that keeps
 * plays ({@link TrackPlayFigures}).
 */
@Service
public class LibraryService {

	/** The longest page a search returns. */
	public static final int MAX_LIMIT = 500;

	private final LibraryQueries queries;

	private final ObjectProvider<CatalogReferences> references;

	LibraryService(LibraryQueries queries, ObjectProvider<CatalogReferences> references) {
		this.queries = queries;
		this.references = references;
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
		Optional<TrackDetail> inLibrary = this.queries.track(account, trackId, false);
		if (inLibrary.isPresent()) {
			return inLibrary;
		}
		boolean played = this.references.orderedStream().anyMatch((refs) -> refs.refersTo(account, trackId));
		return played ? this.queries.track(account, trackId, true) : Optional.empty();
	}

	private static int clamp(int limit) {
		return Math.max(1, Math.min(limit, MAX_LIMIT));
	}

}
