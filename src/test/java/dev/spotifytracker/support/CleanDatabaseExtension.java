package dev.spotifytracker.support;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties the database and resets the shared Spotify simulator before each test of a
 * Spring test class.
 */
public class CleanDatabaseExtension implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		DatabaseCleaner.clean(SpringExtension.getApplicationContext(context).getBean(DataSource.class));
		TestSpotify.resetIfStarted();
	}

}
