package dev.spotifytracker.library;

import java.time.Instant;
import java.util.List;

/**
 * Everything the library knows about one track for an account.
 *
 * @param albums the track's album and the albums of other versions with the same ISRC
 * (relinked or re-released), the account's saved ones first
 * @param likedAt when the account liked it, or null
 * @param playable null when unknown
 * @param unavailableReason Spotify's {@code restrictions.reason} (market, product,
 * explicit) when it does not play
 * @param availabilityCheckedAt when Spotify last said, or null if never
 */
public record TrackDetail(String id, String name, List<String> artists, Integer durationMs, Boolean explicit,
		String isrc, List<AlbumSaved> albums, Instant likedAt, Boolean playable, String unavailableReason,
		Instant availabilityCheckedAt) {

	public TrackDetail {
		artists = List.copyOf(artists);
		albums = List.copyOf(albums);
	}

	/**
	 * @param savedAt when the account saved this album, or null
	 */
	public record AlbumSaved(String id, String name, Instant savedAt) {

	}

}
