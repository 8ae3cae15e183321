package dev.spotifytracker.plays.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One hand-made entry of an export file, as Spotify writes it (personal fields included),
 * to be changed field by field: {@code extendedRow().with("ms_played", -1)}. Values are
 * strings, numbers, booleans or null; a field can also be left out.
 */
final class HistoryRow {

	/** The personal values the hand-made rows carry, which no read row may hold. */
	static final String USERNAME = "private-user-7f3a";

	static final String PLATFORM = "Android OS 11 API 30 (samsung, SM-G991B)";

	static final String COUNTRY = "ZZ";

	static final String IP_ADDRESS = "203.0.113.42";

	static final String USER_AGENT = "Mozilla/5.0 (private agent)";

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private HistoryRow() {
	}

	/** A row without any field, to be filled with {@link #with}. */
	static HistoryRow emptyRow() {
		return new HistoryRow();
	}

	/**
	 * A track streamed to its end, in the extended format of 2023, every field present.
	 */
	static HistoryRow extendedRow() {
		return new HistoryRow().with("ts", "2021-03-04T18:22:07Z")
			.with("username", USERNAME)
			.with("platform", PLATFORM)
			.with("ms_played", 213_000)
			.with("conn_country", COUNTRY)
			.with("ip_addr", IP_ADDRESS)
			.with("ip_addr_decrypted", IP_ADDRESS)
			.with("user_agent_decrypted", USER_AGENT)
			.with("master_metadata_track_name", "Harbor Lights")
			.with("master_metadata_album_artist_name", "Mara Lind")
			.with("master_metadata_album_album_name", "Northern Shore")
			.with("spotify_track_uri", "spotify:track:4uLU6hMCjMI75M1A2tKUQC")
			.with("episode_name", null)
			.with("episode_show_name", null)
			.with("spotify_episode_uri", null)
			.with("audiobook_title", null)
			.with("audiobook_uri", null)
			.with("audiobook_chapter_uri", null)
			.with("audiobook_chapter_title", null)
			.with("reason_start", "trackdone")
			.with("reason_end", "trackdone")
			.with("shuffle", false)
			.with("skipped", false)
			.with("offline", false)
			.with("offline_timestamp", 1_614_881_914L)
			.with("incognito_mode", false);
	}

	/** A track of the account-data format: minute precision, names only. */
	static HistoryRow accountDataRow() {
		return new HistoryRow().with("endTime", "2021-03-04 18:22")
			.with("artistName", "Mara Lind")
			.with("trackName", "Harbor Lights")
			.with("msPlayed", 213_000);
	}

	HistoryRow with(String field, Object value) {
		this.fields.put(field, value);
		return this;
	}

	HistoryRow without(String field) {
		this.fields.remove(field);
		return this;
	}

	HistoryRow ts(String ts) {
		return with("ts", ts);
	}

	HistoryRow track(String uri, String name, String artist, String album) {
		return with("spotify_track_uri", uri).with("master_metadata_track_name", name)
			.with("master_metadata_album_artist_name", artist)
			.with("master_metadata_album_album_name", album);
	}

	/** A podcast episode: no track fields, the episode's instead. */
	HistoryRow episode(String name, String show, String uri) {
		return track(null, null, null, null).with("episode_name", name)
			.with("episode_show_name", show)
			.with("spotify_episode_uri", uri);
	}

	/** An audiobook chapter: no track fields, the audiobook's instead. */
	HistoryRow audiobook(String title, String uri, String chapterUri, String chapterTitle) {
		return track(null, null, null, null).with("audiobook_title", title)
			.with("audiobook_uri", uri)
			.with("audiobook_chapter_uri", chapterUri)
			.with("audiobook_chapter_title", chapterTitle);
	}

	Map<String, Object> fields() {
		return Collections.unmodifiableMap(this.fields);
	}

}
