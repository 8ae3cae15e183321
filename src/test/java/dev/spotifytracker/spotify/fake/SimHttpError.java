package dev.spotifytracker.spotify.fake;

/**
 * Ends a request early with an error answer, and says whether the request broke the
 * contract (a violation the tests will see) or merely asked for something that is not
 * there.
 */
final class SimHttpError extends RuntimeException {

	private final transient SimResponse response;

	private final String violation;

	private SimHttpError(SimResponse response, String violation) {
		super(violation, null, false, false);
		this.response = response;
		this.violation = violation;
	}

	/**
	 * A breach of the contract: answered, and listed in
	 * {@link SpotifySimulator#violations()}.
	 */
	static SimHttpError violation(int status, String message, String violation) {
		return new SimHttpError(SimResponse.apiError(status, message), violation);
	}

	/**
	 * A fair request that gets an error (an unknown id, for instance).
	 */
	static SimHttpError answer(int status, String message) {
		return new SimHttpError(SimResponse.apiError(status, message), null);
	}

	SimResponse response() {
		return this.response;
	}

	String violationText() {
		return this.violation;
	}

}
