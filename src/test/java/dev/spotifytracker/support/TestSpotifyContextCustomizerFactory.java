package dev.spotifytracker.support;

import java.util.List;
import java.util.Map;

import dev.spotifytracker.spotify.fake.SpotifySimulator;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
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
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("testSpotify",
						Map.of("SPOTIFY_API_BASE_URL", simulator.baseUrl(), "SPOTIFY_ACCOUNTS_BASE_URL",
								simulator.baseUrl(), "SPOTIFY_CLIENT_ID", simulator.clientId(), "SPOTIFY_CLIENT_SECRET",
								simulator.clientSecret())));
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
