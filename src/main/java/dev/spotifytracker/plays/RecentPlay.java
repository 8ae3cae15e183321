package dev.spotifytracker.plays;

import java.time.Instant;

/**
 * A stored play with the names to show it.
 *
 * @param contextUri the playlist, album or artist it was played from, or null
 * @param source {@code recently_played} or {@code history_import}
 */
public record RecentPlay(Instant playedAt, String trackId, String trackName, String artists, String albumId,
		String albumName, String contextUri, String source) {

}
