package dev.spotifytracker.playlist;

import java.util.function.Predicate;

import dev.spotifytracker.spotify.Page;
import dev.spotifytracker.spotify.PlaylistSummary;
import dev.spotifytracker.spotify.SpotifyClient;

/**
 * Pages through the user's playlists ({@code /v1/me/playlists}), 50 per call.
 */
final class UserPlaylists {

	static final int PAGE_SIZE = 50;

	private UserPlaylists() {
	}

	/**
	 * Hands each playlist to {@code visitor} until it answers false or the list ends.
	 * @return the calls made
	 */
	static int visit(SpotifyClient spotify, Predicate<PlaylistSummary> visitor) {
		int calls = 0;
		int offset = 0;
		Page<PlaylistSummary> page;
		do {
			page = spotify.myPlaylists(offset, PAGE_SIZE);
			calls++;
			for (PlaylistSummary playlist : page.items()) {
				if (!visitor.test(playlist)) {
					return calls;
				}
			}
			offset += page.entries();
		}
		while (page.continues());
		return calls;
	}

}
