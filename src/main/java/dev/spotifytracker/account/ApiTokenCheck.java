package dev.spotifytracker.account;

import dev.spotifytracker.app.InvalidSettingException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with a {@code TRACKER_API_TOKEN} short enough to guess, before
 * anything else starts, with one sentence that never repeats the token.
 */
class ApiTokenCheck implements EnvironmentPostProcessor, Ordered {

	static final int MINIMUM_LENGTH = 32;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String token = environment.getProperty("tracker.security.api-token");
		if (token != null && !token.isBlank() && token.strip().length() < MINIMUM_LENGTH) {
			throw new InvalidSettingException("TRACKER_API_TOKEN", "TRACKER_API_TOKEN is shorter than " + MINIMUM_LENGTH
					+ " characters: use a long random value (openssl rand -hex 32 makes one).");
		}
	}

	@Override
	public int getOrder() {
		// after the database settings are checked, like the APP_SECRET check
		return Ordered.LOWEST_PRECEDENCE;
	}

}
