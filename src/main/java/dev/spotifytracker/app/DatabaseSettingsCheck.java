package dev.spotifytracker.app;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the database settings before anything starts, so a bad one stops the service
 * with its one sentence (and no half-started web server or context warnings around it).
 */
class DatabaseSettingsCheck implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		DatabaseSettings settings = Binder.get(environment).bindOrCreate("tracker.database", DatabaseSettings.class);
		DatabaseSelector.select(settings, DatabaseConfiguration.springDataSource(environment));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
