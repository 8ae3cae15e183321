package dev.spotifytracker.library;

import java.util.Collection;

import dev.spotifytracker.spotify.Track;

import org.springframework.stereotype.Service;

/**
 * The catalog's public face for the modules whose rows refer to tracks (plays): stores
 * tracks Spotify sent, with their albums and artists, in the caller's transaction. The
 * catalog is shared by every account; what it holds is read through the views the library
 * publishes ({@code catalog_tracks}, {@code catalog_track_artists}).
 */
@Service
public class CatalogService {

	private final CatalogWriter writer;

	CatalogService(CatalogWriter writer) {
		this.writer = writer;
	}

	/**
	 * Stores full tracks (each carrying its album), for example those of new plays,
	 * before rows that refer to them are written in the same transaction.
	 */
	public void saveTracks(Collection<Track> tracks) {
		this.writer.saveTracks(tracks);
	}

	/**
	 * Stores tracks known only from an export, in the caller's transaction, without any
	 * Spotify call. A track the catalog already holds (a real one or an earlier stub) is
	 * left as it is: a stub never overwrites what Spotify said.
	 * @return the stub tracks added
	 */
	public int saveStubs(Collection<TrackStub> stubs) {
		return this.writer.saveStubs(stubs);
	}

	/**
	 * Marks tracks Spotify answered 404 for, in the caller's transaction: they are asked
	 * about no more, and their plays keep the names the export gave.
	 * @return the tracks marked
	 */
	public int markNotFound(Collection<String> trackIds) {
		return this.writer.markNotFound(trackIds);
	}

}
