package dev.spotifytracker.plays.history;

/**
 * The two shapes of streaming history Spotify hands out.
 */
public enum ExportFormat {

	/**
	 * "Extended streaming history": one row per stream with its track URI, end time to
	 * the second and why it started and ended.
	 */
	EXTENDED,

	/**
	 * The year of history in "Account data": end time to the minute, artist and track
	 * names, no id.
	 */
	ACCOUNT_DATA

}
