package dev.spotifytracker.playlist;

import java.util.List;

/**
 * What a rule playlist holds now (RULES.md, "Preview").
 *
 * @param count the tracks in the playlist, after the limit
 * @param matched the candidates passing the conditions, before the limit
 * @param tracks the track ids in playlist order
 */
record RulePreview(int count, int matched, List<String> tracks) {

	RulePreview {
		tracks = List.copyOf(tracks);
	}

}
