package dev.spotifytracker.plays.history;

import java.time.Instant;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;

/**
 * One entry of an export file as read, before it becomes an {@link ExportRow}: one object
 * reused for every entry, so a file of any length is read in the same memory. Only the
 * fields we keep are read; the values of the personal fields and of unknown ones are
 * skipped by the parser without being decoded.
 */
final class RowFields {

	private static final String TRACK_URI_PREFIX = "spotify:track:";

	private static final int TRACK_ID_LENGTH = 22;

	private boolean hasTs;

	private boolean hasMsPlayed;

	private boolean hasEndTime;

	private boolean hasShortMsPlayed;

	private String ts;

	private Long msPlayed;

	private String trackUri;

	private String trackName;

	private String albumArtistName;

	private String albumName;

	private String episodeName;

	private String episodeShowName;

	private String episodeUri;

	private String audiobookTitle;

	private String audiobookUri;

	private String audiobookChapterUri;

	private String audiobookChapterTitle;

	private String reasonStart;

	private String reasonEnd;

	private Boolean shuffle;

	private Boolean skipped;

	private Boolean offline;

	private Long offlineTimestamp;

	private Boolean incognito;

	private String endTime;

	private String shortArtistName;

	private String shortTrackName;

	private Long shortMsPlayed;

	/**
	 * Reads the object the parser stands on (its {@code START_OBJECT}) up to and
	 * including its {@code END_OBJECT}, replacing what the previous entry left.
	 */
	void read(JsonParser parser) {
		clear();
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "ts" -> {
					this.hasTs = true;
					this.ts = text(parser, value);
				}
				case "ms_played" -> {
					this.hasMsPlayed = true;
					this.msPlayed = number(parser, value);
				}
				case "spotify_track_uri" -> this.trackUri = text(parser, value);
				case "master_metadata_track_name" -> this.trackName = text(parser, value);
				case "master_metadata_album_artist_name" -> this.albumArtistName = text(parser, value);
				case "master_metadata_album_album_name" -> this.albumName = text(parser, value);
				case "episode_name" -> this.episodeName = text(parser, value);
				case "episode_show_name" -> this.episodeShowName = text(parser, value);
				case "spotify_episode_uri" -> this.episodeUri = text(parser, value);
				case "audiobook_title" -> this.audiobookTitle = text(parser, value);
				case "audiobook_uri" -> this.audiobookUri = text(parser, value);
				case "audiobook_chapter_uri" -> this.audiobookChapterUri = text(parser, value);
				case "audiobook_chapter_title" -> this.audiobookChapterTitle = text(parser, value);
				case "reason_start" -> this.reasonStart = text(parser, value);
				case "reason_end" -> this.reasonEnd = text(parser, value);
				case "shuffle" -> this.shuffle = bool(parser, value);
				case "skipped" -> this.skipped = bool(parser, value);
				case "offline" -> this.offline = bool(parser, value);
				case "offline_timestamp" -> this.offlineTimestamp = number(parser, value);
				case "incognito_mode" -> this.incognito = bool(parser, value);
				case "endTime" -> {
					this.hasEndTime = true;
					this.endTime = text(parser, value);
				}
				case "msPlayed" -> {
					this.hasShortMsPlayed = true;
					this.shortMsPlayed = number(parser, value);
				}
				case "artistName" -> this.shortArtistName = text(parser, value);
				case "trackName" -> this.shortTrackName = text(parser, value);
				// ip_addr, ip_addr_decrypted, username, conn_country,
				// user_agent_decrypted,
				// platform and whatever Spotify adds: never decoded, never kept
				default -> parser.skipChildren();
			}
		}
		if (token != JsonToken.END_OBJECT) {
			// the parser throws on a truncated or malformed object before getting here
			throw new IllegalStateException("Expected the end of an object, got " + token);
		}
	}

	/**
	 * @return the format the keys of this entry say, or null when it does not look like
	 * streaming history
	 */
	ExportFormat format() {
		if (this.hasTs && this.hasMsPlayed) {
			return ExportFormat.EXTENDED;
		}
		if (this.hasEndTime && this.hasShortMsPlayed) {
			return ExportFormat.ACCOUNT_DATA;
		}
		return null;
	}

	/**
	 * @return the row, or null when its end time or play length is missing, unreadable or
	 * negative
	 */
	ExportRow toRow(String member, int index, ExportFormat format) {
		return (format == ExportFormat.EXTENDED) ? extendedRow(member, index) : accountDataRow(member, index);
	}

	private ExportRow extendedRow(String member, int index) {
		Instant playedAt = ExportTimes.ts(this.ts);
		if (playedAt == null || this.msPlayed == null || this.msPlayed < 0) {
			return null;
		}
		String trackId = trackId(this.trackUri);
		return new ExportRow(member, index, ExportFormat.EXTENDED, playedAt, this.msPlayed, kind(trackId), trackId,
				this.trackName, this.albumArtistName, this.albumName, this.episodeName, this.episodeShowName,
				this.episodeUri, this.audiobookTitle, this.audiobookUri, this.audiobookChapterUri,
				this.audiobookChapterTitle, this.reasonStart, this.reasonEnd, this.shuffle, this.skipped, this.offline,
				ExportTimes.offlineTimestamp(this.offlineTimestamp), this.incognito);
	}

	private ExportRow accountDataRow(String member, int index) {
		Instant playedAt = ExportTimes.endTime(this.endTime);
		if (playedAt == null || this.shortMsPlayed == null || this.shortMsPlayed < 0) {
			return null;
		}
		return new ExportRow(member, index, ExportFormat.ACCOUNT_DATA, playedAt, this.shortMsPlayed, RowKind.NAMED,
				null, this.shortTrackName, this.shortArtistName, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null);
	}

	private RowKind kind(String trackId) {
		if (trackId != null) {
			return RowKind.TRACK;
		}
		if (this.audiobookUri != null || this.audiobookChapterUri != null || this.audiobookTitle != null
				|| this.audiobookChapterTitle != null) {
			return RowKind.AUDIOBOOK;
		}
		if (this.episodeUri != null || this.episodeName != null || this.episodeShowName != null) {
			return RowKind.EPISODE;
		}
		return RowKind.NO_URI;
	}

	/** The id of a {@code spotify:track:} URI with a well-formed id, else null. */
	static String trackId(String uri) {
		if (uri == null || uri.length() != TRACK_URI_PREFIX.length() + TRACK_ID_LENGTH
				|| !uri.startsWith(TRACK_URI_PREFIX)) {
			return null;
		}
		for (int i = TRACK_URI_PREFIX.length(); i < uri.length(); i++) {
			char c = uri.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
				return null;
			}
		}
		return uri.substring(TRACK_URI_PREFIX.length());
	}

	private void clear() {
		this.hasTs = false;
		this.hasMsPlayed = false;
		this.hasEndTime = false;
		this.hasShortMsPlayed = false;
		this.ts = null;
		this.msPlayed = null;
		this.trackUri = null;
		this.trackName = null;
		this.albumArtistName = null;
		this.albumName = null;
		this.episodeName = null;
		this.episodeShowName = null;
		this.episodeUri = null;
		this.audiobookTitle = null;
		this.audiobookUri = null;
		this.audiobookChapterUri = null;
		this.audiobookChapterTitle = null;
		this.reasonStart = null;
		this.reasonEnd = null;
		this.shuffle = null;
		this.skipped = null;
		this.offline = null;
		this.offlineTimestamp = null;
		this.incognito = null;
		this.endTime = null;
		this.shortArtistName = null;
		this.shortTrackName = null;
		this.shortMsPlayed = null;
	}

	/** A scalar as text; null for null, an object or a list. */
	private static String text(JsonParser parser, JsonToken value) {
		if (value.isScalarValue()) {
			return (value == JsonToken.VALUE_NULL) ? null : parser.getString();
		}
		parser.skipChildren();
		return null;
	}

	/** A whole number, also when written as a decimal or in quotes; null otherwise. */
	private static Long number(JsonParser parser, JsonToken value) {
		switch (value) {
			case VALUE_NUMBER_INT:
				try {
					return parser.getLongValue();
				}
				catch (InputCoercionException ex) {
					return null;
				}
			case VALUE_NUMBER_FLOAT:
				double decimal = parser.getDoubleValue();
				return Double.isFinite(decimal) ? Math.round(decimal) : null;
			case VALUE_STRING:
				try {
					return Long.parseLong(parser.getString().trim());
				}
				catch (NumberFormatException ex) {
					return null;
				}
			default:
				parser.skipChildren();
				return null;
		}
	}

	/** A yes or no, also written as 1/0 or in quotes; null otherwise. */
	private static Boolean bool(JsonParser parser, JsonToken value) {
		switch (value) {
			case VALUE_TRUE:
				return Boolean.TRUE;
			case VALUE_FALSE:
				return Boolean.FALSE;
			case VALUE_NUMBER_INT:
				String digits = parser.getString();
				return "1".equals(digits) ? Boolean.TRUE : "0".equals(digits) ? Boolean.FALSE : null;
			case VALUE_STRING:
				String word = parser.getString();
				return "true".equalsIgnoreCase(word) ? Boolean.TRUE
						: "false".equalsIgnoreCase(word) ? Boolean.FALSE : null;
			default:
				parser.skipChildren();
				return null;
		}
	}

}
