package dev.spotifytracker.app;

import java.sql.SQLException;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The most common start-up failure of a deployment: the database cannot be reached,
 * refuses the password or does not exist. One sentence naming the database and its
 * settings instead of a stack trace.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	DatabaseUnreachableFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String state = (cause.getSQLState() != null) ? cause.getSQLState() : "";
		boolean connection = state.startsWith("08");
		boolean credentials = state.startsWith("28");
		boolean missingDatabase = state.equals("3D000");
		if (!connection && !credentials && !missingDatabase) {
			return null;
		}
		String database = describeDatabase();
		String problem = credentials ? "refused the user name or password"
				: missingDatabase ? "has no such database" : "could not be reached";
		return new FailureAnalysis("The database (" + database + ") " + problem + ": " + cause.getMessage(),
				"Check DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD (or DATABASE_URL), and that the server accepts connections, then start again.",
				null);
	}

	private String describeDatabase() {
		try {
			DatabaseSettings settings = Binder.get(this.environment)
				.bindOrCreate("tracker.database", DatabaseSettings.class);
			DatabaseChoice choice = DatabaseSelector.select(settings,
					DatabaseConfiguration.springDataSource(this.environment));
			return (choice instanceof DatabaseChoice.External external) ? external.description()
					: "the embedded PostgreSQL";
		}
		catch (RuntimeException ex) {
			return "as configured";
		}
	}

}
