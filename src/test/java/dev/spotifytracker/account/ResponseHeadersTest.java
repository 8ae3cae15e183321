package dev.spotifytracker.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer tells the browser, and whom the service believes about the original
 * request: by default nobody, not even a private address.
 */
@IntegrationTest
class ResponseHeadersTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Test
	void theContentSecurityPolicyAllowsOnlyWhatThePagesUse() throws Exception {
		HttpResponse<String> page = get("/login");

		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'")
				.contains("script-src 'self'")
				.contains("style-src 'self'")
				.contains("img-src 'self' https://i.scdn.co data:")
				.contains("base-uri 'self'")
				.contains("object-src 'none'")
				.contains("form-action 'self'")
				.contains("frame-ancestors 'none'"));
	}

	@Test
	void referrersStayOnTheSiteAndUnusedBrowserFeaturesAreOff() throws Exception {
		HttpResponse<String> page = get("/login");

		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying((policy) -> assertThat(policy)
			.contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"));
	}

	@Test
	void forwardedHeadersFromAnAddressNotListedAsAProxyAreIgnored() throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(uri("/"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.9")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + this.port + "/login");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
