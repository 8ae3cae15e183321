package dev.spotifytracker.plays;

import java.time.Instant;

/**
 * Plays may be missing between two instants: the last poll of recently played found more
 * new plays than Spotify keeps.
 *
 * @param from the newest play stored before that poll, or null when unknown
 * @param to the oldest play that poll returned, or null when unknown
 * @param runId the poll's run, whose log says more
 */
public record PlayGapWarning(Instant from, Instant to, long runId) {

}
