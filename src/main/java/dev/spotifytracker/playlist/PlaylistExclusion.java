package dev.spotifytracker.playlist;

import java.time.Instant;

/**
 * Something the account keeps out of its smart playlists: a track, an album (each of its
 * tracks) or an artist (every track crediting it), out of every playlist or of one.
 *
 * @param kind {@code track}, {@code album} or {@code artist}
 * @param spotifyId the track's, album's or artist's Spotify id
 * @param playlist the slug of the one playlist, or null for every playlist
 * @param playlistName that playlist's name, or null for every playlist
 * @param name the catalog's name of the track, album or artist, or null when it no longer
 * holds it
 */
public record PlaylistExclusion(String kind, String spotifyId, String playlist, String playlistName, String name,
		Instant excludedAt) {

	/** The value the exclude and include forms send for every playlist. */
	public static final String EVERY_PLAYLIST = "all";

	/** The scope as the forms send it. */
	public String scope() {
		return (this.playlist != null) ? this.playlist : EVERY_PLAYLIST;
	}

	/** The thing in words, e.g. {@code the album "Abbey Road"}. */
	public String describe() {
		return "the " + this.kind + " " + ((this.name != null) ? "\u201c" + this.name + "\u201d" : this.spotifyId);
	}

	/** Where it is kept out, e.g. {@code every playlist} or {@code "Never Played"}. */
	public String where() {
		return (this.playlist == null) ? "every playlist"
				: "\u201c" + ((this.playlistName != null) ? this.playlistName : this.playlist) + "\u201d";
	}

}
