package dev.spotifytracker.spotify.fake;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param endpoint the endpoint's template, e.g. {@code GET /v1/albums/{id}/tracks}
 * @param query the raw query, or null
 * @param userId the user of the access token, or null (accounts service, bad token)
 * @param earlyRetry it came before a {@code Retry-After} sent to that user's client had
 * elapsed
 */
public record RecordedRequest(Instant at, String endpoint, String path, String query, String userId, int status,
		boolean earlyRetry) {

}
