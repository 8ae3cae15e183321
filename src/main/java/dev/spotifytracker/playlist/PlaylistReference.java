package dev.spotifytracker.playlist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user pastes to link a playlist: its id, its {@code spotify:playlist:} URI or its
 * open.spotify.com link (with or without a locale segment and a {@code ?si=} share
 * parameter).
 */
final class PlaylistReference {

	private static final Pattern ID = Pattern.compile("[0-9A-Za-z]{22}");

	private static final Pattern URI = Pattern.compile("spotify:playlist:([0-9A-Za-z]{22})");

	private static final Pattern URL = Pattern.compile(
			"(?:https?://)?open\\.spotify\\.com/(?:intl-[A-Za-z-]+/)?(?:embed/)?playlist/([0-9A-Za-z]{22})/?(?:[?#].*)?");

	private PlaylistReference() {
	}

	/**
	 * @return the playlist id
	 * @throws PlaylistActionException when the text is none of the accepted forms
	 */
	static String parse(String text) {
		String input = (text != null) ? text.strip() : "";
		if (ID.matcher(input).matches()) {
			return input;
		}
		for (Pattern pattern : new Pattern[] { URI, URL }) {
			Matcher matcher = pattern.matcher(input);
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		throw new PlaylistActionException(
				"That is not a Spotify playlist: paste its link (https://open.spotify.com/playlist/...) or its 22-character id.");
	}

}
