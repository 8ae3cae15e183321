package dev.spotifytracker.plays.history;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which files of Spotify's zips hold streaming history, by name alone. The extended
 * export also holds video history ({@code Streaming_History_Video_*}) and a PDF; the
 * account data holds podcast history ({@code StreamingHistory_podcast_*}) and much else:
 * none of that is music.
 */
final class MemberNames {

	private static final Pattern EXTENDED = Pattern.compile("(streaming_history_audio_|endsong_).*\\.json");

	private static final Pattern ACCOUNT_DATA = Pattern
		.compile("(streaminghistory_music_.*|streaminghistory[0-9]+)\\.json");

	private MemberNames() {
	}

	/**
	 * @param name a file's path inside a zip, or a file's name
	 * @return the format of history it holds, or null when it holds none
	 */
	static ExportFormat formatOf(String name) {
		String base = baseName(name).toLowerCase(Locale.ROOT);
		if (EXTENDED.matcher(base).matches()) {
			return ExportFormat.EXTENDED;
		}
		if (ACCOUNT_DATA.matcher(base).matches()) {
			return ExportFormat.ACCOUNT_DATA;
		}
		return null;
	}

	/** The name without its folders; zips made on Windows may separate them with '\'. */
	static String baseName(String name) {
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		return name.substring(slash + 1);
	}

}
