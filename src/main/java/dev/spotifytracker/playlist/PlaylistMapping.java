package dev.spotifytracker.playlist;

import java.time.Instant;
import java.util.List;

import dev.spotifytracker.app.AccountId;

/**
 * Which Spotify playlist holds an account's smart playlist (a built-in or a rule
 * playlist, by slug), and what we last pushed to it (a row of {@code playlist_mappings}).
 *
 * @param pushedTrackIds the track ids of the last push, in order
 * @param pushedHash SHA-256 of {@code pushedTrackIds}
 * @param snapshotId the playlist's snapshot after our last write, or null
 * @param pushedAt when we last wrote to it, or null
 */
record PlaylistMapping(AccountId account, String slug, String name, String spotifyPlaylistId,
		List<String> pushedTrackIds, String pushedHash, String snapshotId, MappingStatus status, Instant pushedAt,
		Instant createdAt) {

	PlaylistMapping {
		pushedTrackIds = List.copyOf(pushedTrackIds);
	}

	PublishedPlaylist toPublished() {
		return new PublishedPlaylist(this.spotifyPlaylistId, this.name, this.status, this.pushedTrackIds.size(),
				this.pushedAt);
	}

}
