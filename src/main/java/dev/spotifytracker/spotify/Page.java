package dev.spotifytracker.spotify;

import java.util.List;

/**
 * One page of a Spotify list.
 *
 * @param total the list's length as Spotify reports it
 * @param hasNext whether Spotify gave a {@code next} link
 */
public record Page<T>(List<T> items, int offset, int limit, int total, boolean hasNext) {

	public Page {
		items = List.copyOf(items);
	}

}
