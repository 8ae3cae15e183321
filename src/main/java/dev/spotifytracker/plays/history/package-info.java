/**
 * Reading Spotify's streaming-history export (the privacy download): which files of the
 * zip hold plays, and their rows, streamed in constant memory, with the personal fields
 * (IP address, user name, country, device) left unread. Plain classes without Spring or a
 * database, wired by the import job.
 */
package dev.spotifytracker.plays.history;
