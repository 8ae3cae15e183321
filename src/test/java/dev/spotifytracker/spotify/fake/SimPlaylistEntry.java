package dev.spotifytracker.spotify.fake;

import java.time.Instant;

/**
 * One item of a playlist.
 *
 * @param addedBy the id of the user who added it
 */
public record SimPlaylistEntry(String uri, Instant addedAt, String addedBy) {

}
