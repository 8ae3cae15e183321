package dev.spotifytracker.spotify;

import java.time.Instant;

/**
 * An entry of a playlist ({@code {added_at, item}}).
 *
 * @param uri the item's URI, or null when Spotify sent {@code item: null}
 * @param trackId the track id, or null when the item is not a track or is null
 */
public record PlaylistItem(Instant addedAt, String uri, String trackId) {

}
