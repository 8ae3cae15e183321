package dev.spotifytracker.spotify.fake;

import java.time.Duration;
import java.time.Instant;

/**
 * The way into the Web API ({@code /v1/...}), in the order Spotify applies it: the
 * endpoint must exist for a Development Mode app, the access token must be valid and
 * unexpired, then rate limits and other faults, then the endpoint itself under the
 * world's lock. Contract breaches on the way are listed as violations.
 */
final class ApiGateway {

	private final SimWorld world;

	private final TokenStore tokens;

	private final Faults faults;

	private final RetryAfterTracker retries;

	private final Violations violations;

	private final ApiRoutes routes;

	private final String baseUrl;

	ApiGateway(SimWorld world, TokenStore tokens, Faults faults, RetryAfterTracker retries, Violations violations,
			ApiRoutes routes, String baseUrl) {
		this.world = world;
		this.tokens = tokens;
		this.faults = faults;
		this.retries = retries;
		this.violations = violations;
		this.routes = routes;
		this.baseUrl = baseUrl;
	}

	Outcome handle(SimExchange exchange) {
		ApiRoutes.Match match = this.routes.resolve(exchange.method(), exchange.path());
		String endpoint = match.endpoint();
		switch (match.kind()) {
			case REMOVED -> {
				return refuse(endpoint, 403, "Forbidden", "removed for Development Mode apps");
			}
			case METHOD_NOT_ALLOWED -> {
				return refuse(endpoint, 405, "Method not allowed", "no such method on this endpoint");
			}
			case UNKNOWN -> {
				return refuse(endpoint, 404, "Service not found", "no such endpoint");
			}
			default -> {
			}
		}
		String authorization = exchange.header("Authorization");
		if (authorization == null) {
			return unauthorized(endpoint, "No token provided", "no access token");
		}
		if (!authorization.startsWith("Bearer ")) {
			return unauthorized(endpoint, "Only valid bearer authentication supported", "not a Bearer token");
		}
		TokenStore.AccessGrant grant = this.tokens.accessGrant(authorization.substring("Bearer ".length()).trim());
		SimulatedUser user = (grant != null) ? this.world.findUser(grant.userId()).orElse(null) : null;
		if (user == null) {
			return unauthorized(endpoint, "Invalid access token", "an access token the simulator never issued");
		}
		Instant arrival = this.world.now();
		if (grant.isExpired(arrival)) {
			// not a breach: a client cannot know that a token was cut short
			return new Outcome(endpoint, user.id(), false, tokenError("The access token expired"));
		}
		String waiter = grant.clientId() + "/" + user.id();
		boolean early = this.retries.isEarly(waiter, arrival);
		Faults.Plan plan = this.faults.plan(endpoint);
		pause(plan.delay());
		awaitRelease(plan.hold());
		SimResponse response = plan.failure();
		boolean dropped = false;
		if (response == null) {
			response = serve(match, exchange, grant, user, arrival);
			this.faults.answered(endpoint, response.status());
			dropped = this.faults.dropsAnswer(endpoint);
		}
		if (response.status() == 429) {
			this.retries.askedToWait(waiter, this.world.now(), Integer.parseInt(response.header("Retry-After")));
		}
		return new Outcome(endpoint, user.id(), early, response, dropped);
	}

	private SimResponse serve(ApiRoutes.Match match, SimExchange exchange, TokenStore.AccessGrant grant,
			SimulatedUser user, Instant now) {
		ApiRequest request = new ApiRequest(exchange, match.endpoint(), match.ids(), grant, user, this.baseUrl, now);
		synchronized (this.world.lock) {
			try {
				return match.handler().handle(request);
			}
			catch (SimHttpError error) {
				if (error.violationText() != null) {
					this.violations.add(error.violationText());
				}
				return error.response();
			}
		}
	}

	private Outcome refuse(String endpoint, int status, String message, String why) {
		this.violations.add(endpoint + ": " + why + " (" + status + ")");
		return Outcome.of(endpoint, SimResponse.apiError(status, message));
	}

	private Outcome unauthorized(String endpoint, String message, String why) {
		this.violations.add(endpoint + ": " + why + " (401)");
		return Outcome.of(endpoint, tokenError(message));
	}

	private static SimResponse tokenError(String message) {
		return SimResponse.apiError(401, message)
			.withHeader("WWW-Authenticate",
					"Bearer realm=\"spotify\", error=\"invalid_token\", error_description=\"" + message + "\"");
	}

	private static void awaitRelease(java.util.concurrent.CountDownLatch hold) {
		if (hold == null) {
			return;
		}
		try {
			hold.await(1, java.util.concurrent.TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // the simulator is closing
		}
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // the simulator is closing
		}
	}

}
