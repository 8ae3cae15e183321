package dev.spotifytracker.plays.history;

import java.time.Instant;

/**
 * One stream from the export, without the personal fields Spotify includes (IP address,
 * user name, country, user agent, platform): those are never read. Any field but the
 * position, {@code playedAt} and {@code msPlayed} may be null, as in old exports.
 *
 * @param member the file it came from, as in {@link ExportMember#name()}
 * @param index its position in that file's list, counting every entry, bad ones included,
 * so a later read can skip exactly the rows already committed
 * @param format the format of its file
 * @param playedAt Spotify's {@code ts} (or {@code endTime}): when the stream ENDED, to
 * the second (to the minute for account data)
 * @param msPlayed how long it was listened to, never negative
 * @param kind what was streamed
 * @param trackId the Spotify track id (22 characters, not the URI) for
 * {@link RowKind#TRACK} rows, else null
 * @param trackName the track's name ({@code master_metadata_track_name} or
 * {@code trackName})
 * @param artistName the album artist's name ({@code master_metadata_album_artist_name}),
 * or the artist of an account-data row ({@code artistName})
 * @param albumName the album's name ({@code master_metadata_album_album_name})
 * @param episodeName the podcast episode's name
 * @param episodeShowName the podcast's name
 * @param episodeUri the episode's URI as given
 * @param audiobookTitle the audiobook's title
 * @param audiobookUri the audiobook's URI as given
 * @param audiobookChapterUri the chapter's URI as given
 * @param audiobookChapterTitle the chapter's title
 * @param reasonStart why the stream started ({@code trackdone}, {@code clickrow}, ...)
 * @param reasonEnd why it ended ({@code trackdone}, {@code fwdbtn}, ...)
 * @param shuffle whether shuffle was on
 * @param skipped whether the track was skipped
 * @param offline whether it was played offline
 * @param offlineTimestamp when the offline play happened, as Spotify noted it
 * @param incognito whether it was played in a private session
 */
public record ExportRow(String member, int index, ExportFormat format, Instant playedAt, long msPlayed, RowKind kind,
		String trackId, String trackName, String artistName, String albumName, String episodeName,
		String episodeShowName, String episodeUri, String audiobookTitle, String audiobookUri,
		String audiobookChapterUri, String audiobookChapterTitle, String reasonStart, String reasonEnd, Boolean shuffle,
		Boolean skipped, Boolean offline, Instant offlineTimestamp, Boolean incognito) {

	/**
	 * @return when the stream started: the export gives its end and its length
	 */
	public Instant startedAt() {
		return this.playedAt.minusMillis(this.msPlayed);
	}

}
