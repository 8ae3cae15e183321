package dev.spotifytracker.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HealthEndpointTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void healthIsPublicAndUpWithTheDatabase() throws Exception {
		HttpResponse<String> response = get("/actuator/health");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void otherActuatorEndpointsAreNotPublic() throws Exception {
		for (String path : new String[] { "/actuator/env", "/actuator/metrics", "/actuator/beans",
				"/actuator/health/db", "/actuator" }) {
			// a stranger is sent to sign in, as on any page that is not public
			HttpResponse<String> answer = get(path);
			assertThat(answer.statusCode()).as(path).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).as(path)
				.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
			assertThat(answer.body()).as(path).doesNotContain("spring.datasource");
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
