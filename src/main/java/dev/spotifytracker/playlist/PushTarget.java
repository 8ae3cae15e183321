package dev.spotifytracker.playlist;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One smart playlist as the publisher sees it: a built-in with the account's settings or
 * an account's rule playlist.
 *
 * @param slug the mapping's key ({@code playlist_mappings.slug}); built-in and rule
 * playlist slugs never collide
 * @param name the Spotify playlist's name when it is created
 * @param description the Spotify playlist's description when it is created
 * @param createEmpty whether a first push may create an empty playlist: always for a
 * built-in, for a rule playlist only once the user confirmed it
 * @param select the tracks, in playlist order, at the given instant; no Spotify call
 */
record PushTarget(String slug, String name, String description, boolean createEmpty,
		Function<Instant, List<String>> select) {

	PushTarget confirmedEmpty() {
		return new PushTarget(this.slug, this.name, this.description, true, this.select);
	}

}
