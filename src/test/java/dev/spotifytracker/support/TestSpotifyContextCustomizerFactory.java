package dev.spotifytracker.support;

import java.util.List;
import java.util.Map;

import dev.spotifytracker.spotify.fake.SpotifySimulator;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the JVM's one Spotify simulator
 * ({@link TestSpotify}): tests never reach the real Spotify. Added last, as the
 * environment variables of application.yml, so a test class may still set
 * {@code tracker.spotify.*} itself.
 */
class TestSpotifyContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new SimulatorCustomizer();
	}

	private static final class SimulatorCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
			SpotifySimulator simulator = TestSpotify.simulator();
			TestPropertySources.addAboveTheEnvironment(context.getEnvironment(), "testSpotify",
					Map.of("tracker.spotify.api-base-url", simulator.baseUrl(), "tracker.spotify.accounts-base-url",
							simulator.baseUrl(), "tracker.spotify.client-id", simulator.clientId(),
							"tracker.spotify.client-secret", simulator.clientSecret(), "tracker.spotify.refresh-token",
							"", "tracker.spotify.redirect-uri", "", "tracker.security.allowed-users", "",
							"tracker.security.api-token", ""));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SimulatorCustomizer;
		}

		@Override
		public int hashCode() {
			return SimulatorCustomizer.class.hashCode();
		}

	}

}
