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

}
