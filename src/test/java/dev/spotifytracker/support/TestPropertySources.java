package dev.spotifytracker.support;

import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Adds test settings above everything a developer's shell may hold (a real
 * {@code DATABASE_URL} or {@code SPOTIFY_CLIENT_ID} must never reach a test) but below a
 * test class's own {@code @TestPropertySource}, {@code @SpringBootTest(properties)} and
 * {@code @DynamicPropertySource}.
 */
final class TestPropertySources {

	private TestPropertySources() {
	}

	static void addAboveTheEnvironment(ConfigurableEnvironment environment, String name, Map<String, Object> values) {
		MutablePropertySources sources = environment.getPropertySources();
		MapPropertySource source = new MapPropertySource(name, values);
		if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
			sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addFirst(source);
		}
	}

}
