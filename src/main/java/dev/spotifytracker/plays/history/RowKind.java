package dev.spotifytracker.plays.history;

/**
 * What a row of the export was a stream of; only {@link #TRACK} rows can become plays.
 */
public enum RowKind {

	/** A Spotify track: the row carries its id. */
	TRACK,

	/** A podcast episode. */
	EPISODE,

	/** A chapter of an audiobook. */
	AUDIOBOOK,

	/** No usable URI: a local file, or something the export does not name. */
	NO_URI,

	/** An account-data row: artist and track names only, resolved later. */
	NAMED

}
