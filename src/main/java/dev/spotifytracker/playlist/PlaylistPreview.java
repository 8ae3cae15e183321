package dev.spotifytracker.playlist;

import java.util.List;

/**
 * What a rule selects now, and what its next push would change.
 *
 * @param matching how many tracks match the rule before the limit
 * @param trackCount how many tracks the playlist would hold
 * @param firstTracks the first 50 of them, in playlist order
 * @param addCount tracks the next push would add
 * @param toAdd the first 50 of those
 * @param removeCount tracks the next push would remove
 * @param toRemove the first 50 of those
 * @param plannedCalls Spotify calls the next push would make (creating the playlist
 * included); 0 when nothing changed or the playlist was removed by the user
 * @param playlist the rule's Spotify playlist, or null when it has none yet
 */
public record PlaylistPreview(RuleSettings settings, int matching, int trackCount, List<TrackSummary> firstTracks,
		int addCount, List<TrackSummary> toAdd, int removeCount, List<TrackSummary> toRemove, int plannedCalls,
		PublishedPlaylist playlist) {

	public static final int SHOWN = 50;

	public PlaylistPreview {
		firstTracks = List.copyOf(firstTracks);
		toAdd = List.copyOf(toAdd);
		toRemove = List.copyOf(toRemove);
	}

	public SmartPlaylistRule rule() {
		return this.settings.rule();
	}

}
