package dev.spotifytracker.app;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSettingsTest {

	@Test
	void withoutTrustedProxiesNobodysForwardedHeadersAreBelieved() {
		MockEnvironment environment = process(new MockEnvironment());

		assertThat(environment.getProperty("server.tomcat.remoteip.internal-proxies")).isEmpty();
	}

	@Test
	void trustedProxiesBecomeCidrRangesForTomcat() {
		MockEnvironment environment = process(
				new MockEnvironment().withProperty(ServerSettings.TRUSTED_PROXIES, " 10.0.0.0/8, 192.0.2.7 ,::1"));

		assertThat(environment.getProperty("server.tomcat.remoteip.internal-proxies"))
			.isEqualTo("10.0.0.0/8, 192.0.2.7/32, ::1/128");
	}

	@Test
	void aTrustedProxyThatIsNoAddressStopsStartUpWithOneSentence() {
		assertThatThrownBy(
				() -> process(new MockEnvironment().withProperty(ServerSettings.TRUSTED_PROXIES, "proxy.example.org")))
			.isInstanceOf(InvalidSettingException.class)
			.hasMessage("TRACKER_TRUSTED_PROXIES holds 'proxy.example.org', which is not an IP address or a CIDR range "
					+ "such as 10.0.0.0/8: list the addresses your proxy connects from, separated by commas.");
		assertThatThrownBy(
				() -> process(new MockEnvironment().withProperty(ServerSettings.TRUSTED_PROXIES, "10.0.0.0/33")))
			.isInstanceOf(InvalidSettingException.class);
	}

	@Test
	void anHttpsRedirectUriMakesTheSessionCookieSecure() {
		assertThat(process(new MockEnvironment().withProperty("tracker.spotify.redirect-uri",
				"https://tracker.example.org/callback"))
			.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
		assertThat(process(
				new MockEnvironment().withProperty("tracker.spotify.redirect-uri", "http://127.0.0.1:8080/callback"))
			.getProperty("server.servlet.session.cookie.secure")).isNull();
	}

	private static MockEnvironment process(MockEnvironment environment) {
		new ServerSettings().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
