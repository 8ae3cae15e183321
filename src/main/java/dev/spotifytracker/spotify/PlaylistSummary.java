package dev.spotifytracker.spotify;

/**
 * An entry of {@code /v1/me/playlists}.
 *
 * @param description as Spotify gives it back (HTML entities escaped), or null
 * @param itemCount {@code items.total} (was {@code tracks.total} before Development
 * Mode's changes)
 */
public record PlaylistSummary(String id, String name, String description, String ownerId, String snapshotId,
		int itemCount) {

}
