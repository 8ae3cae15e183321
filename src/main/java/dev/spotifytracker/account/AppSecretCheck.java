package dev.spotifytracker.account;

import dev.spotifytracker.app.DatabaseChoice;
import dev.spotifytracker.app.DatabaseSelector;
import dev.spotifytracker.app.DatabaseSettings;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with an external database and no {@code APP_SECRET}, before anything
 * else starts, with one sentence.
 */
class AppSecretCheck implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String secret = environment.getProperty("tracker.security.app-secret");
		if (secret != null && !secret.isBlank()) {
			return;
		}
		DatabaseSettings settings = Binder.get(environment).bindOrCreate("tracker.database", DatabaseSettings.class);
		DatabaseChoice choice = DatabaseSelector.select(settings,
				new DatabaseSelector.SpringDataSource(environment.getProperty("spring.datasource.url"), null, null));
		if (choice instanceof DatabaseChoice.External) {
			throw AppSecret.missingWithExternalDatabase();
		}
	}

	@Override
	public int getOrder() {
		// after the database settings are checked, so a bad database setting is reported
		// first
		return Ordered.LOWEST_PRECEDENCE;
	}

}
