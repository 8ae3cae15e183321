package dev.spotifytracker.spotify.fake;

/**
 * How one request went, for the request log.
 *
 * @param endpoint the endpoint's template
 * @param userId the access token's user, or null
 * @param earlyRetry it came before a {@code Retry-After} had elapsed
 * @param answerDropped the request was carried out but its answer is not sent (see
 * {@link Faults#dropAnswerOf})
 */
record Outcome(String endpoint, String userId, boolean earlyRetry, SimResponse response, boolean answerDropped) {

	Outcome(String endpoint, String userId, boolean earlyRetry, SimResponse response) {
		this(endpoint, userId, earlyRetry, response, false);
	}

	static Outcome of(String endpoint, SimResponse response) {
		return new Outcome(endpoint, null, false, response);
	}

}
