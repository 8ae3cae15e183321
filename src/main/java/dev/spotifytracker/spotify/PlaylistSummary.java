package dev.spotifytracker.spotify;

/**
 * An entry of {@code /v1/me/playlists}.
 *
 * @param itemCount {@code items.total} (was {@code tracks.total} before Development
 * Mode's changes)
 */
public record PlaylistSummary(String id, String name, String ownerId, String snapshotId, int itemCount) {

}
