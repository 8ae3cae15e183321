package dev.spotifytracker.library;

/**
 * How much of the library a sync reads.
 */
enum SyncMode {

	/**
	 * The 10-minute cycle: each list newest-first until a known entry, a full pass of a
	 * list only when its count or first pages disagree with the database.
	 */
	INCREMENTAL,

	/**
	 * The daily pass: every page of every list, and every page of every long album (so
	 * the availability of all their tracks is fresh).
	 */
	RECONCILE

}
