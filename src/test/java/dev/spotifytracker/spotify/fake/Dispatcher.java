package dev.spotifytracker.spotify.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Sends each request to the accounts service, the Web API or the image host, and logs it
 * before the answer leaves, so a test that has its answer also sees it counted. A failure
 * of the simulator itself answers 500 and is listed as a violation, so no test passes
 * over it.
 */
final class Dispatcher implements HttpHandler {

	private final SimWorld world;

	private final AccountsEndpoints accounts;

	private final ApiGateway api;

	private final ImageEndpoint images;

	private final RequestLog requests;

	private final Violations violations;

	Dispatcher(SimWorld world, AccountsEndpoints accounts, ApiGateway api, ImageEndpoint images, RequestLog requests,
			Violations violations) {
		this.world = world;
		this.accounts = accounts;
		this.api = api;
		this.images = images;
		this.requests = requests;
		this.violations = violations;
	}

	@Override
	public void handle(HttpExchange http) throws IOException {
		try {
			SimExchange exchange = SimExchange.read(http);
			Outcome outcome = route(exchange);
			if (outcome.endpoint() != null) {
				this.requests.record(new RecordedRequest(this.world.now(), outcome.endpoint(), exchange.path(),
						exchange.rawQuery(), outcome.userId(), outcome.response().status(), outcome.earlyRetry()));
			}
			if (!outcome.answerDropped()) {
				write(http, outcome.response());
			}
			// else closing the exchange without an answer closes the connection
		}
		catch (RuntimeException ex) {
			this.violations
				.add("simulator failure on " + http.getRequestMethod() + " " + http.getRequestURI() + ": " + ex);
			write(http, SimResponse.apiError(500, "Simulator failure: " + ex));
		}
		finally {
			http.close();
		}
	}

	private Outcome route(SimExchange exchange) {
		String path = exchange.path();
		if (path.startsWith("/v1/")) {
			return this.api.handle(exchange);
		}
		if (path.equals("/authorize")) {
			return Outcome.of(exchange.method() + " /authorize", this.accounts.authorize(exchange));
		}
		if (path.equals("/api/token")) {
			return Outcome.of(exchange.method() + " /api/token", this.accounts.token(exchange));
		}
		if (path.startsWith("/image/")) {
			return Outcome.of(null, this.images.image(exchange));
		}
		if (path.equals("/favicon.ico")) {
			return Outcome.of(null, SimResponse.of(404, "text/plain", new byte[0]));
		}
		String endpoint = exchange.method() + " " + path;
		this.violations.add(endpoint + ": no such endpoint (404)");
		return Outcome.of(endpoint, SimResponse.apiError(404, "Service not found"));
	}

	private static void write(HttpExchange http, SimResponse response) throws IOException {
		for (Map.Entry<String, String> header : response.headers().entrySet()) {
			http.getResponseHeaders().set(header.getKey(), header.getValue());
		}
		byte[] body = response.body();
		boolean head = "HEAD".equals(http.getRequestMethod());
		http.sendResponseHeaders(response.status(), (body.length == 0 || head) ? -1 : body.length);
		if (body.length > 0 && !head) {
			try (OutputStream out = http.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
