package dev.spotifytracker.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the service registers, called without a session: only the public ones
 * answer; pages redirect to the sign-in page, the API answers 401.
 */
@IntegrationTest
class RouteProtectionTest {

	private static final Set<String> PUBLIC = Set.of("/login", "/not-allowed", "/error");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	List<RequestMappingHandlerMapping> mappings;

	@Test
	void everyRouteButThePublicOnesNeedsASignedInSession() throws Exception {
		List<String> checked = new ArrayList<>();
		List<RequestMappingInfo> routes = this.mappings.stream()
			.flatMap((mapping) -> mapping.getHandlerMethods().keySet().stream())
			.toList();
		for (RequestMappingInfo info : routes) {
			for (String pattern : info.getPatternValues()) {
				if (PUBLIC.contains(pattern)) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", "1");
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					HttpResponse<String> response = send(method.name(), path);
					checked.add(method + " " + path);
					if (path.startsWith("/api/")) {
						assertThat(response.statusCode()).as(method + " " + path).isEqualTo(401);
					}
					else {
						assertThat(response.statusCode()).as(method + " " + path).isEqualTo(302);
						assertThat(response.headers().firstValue("Location")).as(method + " " + path)
							.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
					}
				}
			}
		}
		assertThat(checked).contains("GET /", "GET /settings", "POST /settings/allowed-users");
	}

	@Test
	void thePublicOnesAnswerWithoutASession() throws Exception {
		assertThat(send("GET", "/login").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/actuator/health").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/css/app.css").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/not-allowed").statusCode()).isEqualTo(403);
	}

	@Test
	void theSignInFlowStartsWithoutASession() throws Exception {
		HttpResponse<String> response = send("GET", "/oauth2/authorization/spotify");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/authorize?")
			.contains("state=")
			.contains("code_challenge=")
			.contains("code_challenge_method=S256");
	}

	@Test
	void aWrongApiTokenIsRefused() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/jobs/library"))
				.header("Authorization", "Bearer not-the-token")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("The API token is not valid.");
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
