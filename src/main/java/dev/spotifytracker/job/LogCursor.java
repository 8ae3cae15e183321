package dev.spotifytracker.job;

import java.time.Instant;

/**
 * A position in the newest-first log listing: the next page holds the lines older than
 * this one.
 */
public record LogCursor(Instant at, long id) {

}
