package dev.spotifytracker.app;

import java.nio.file.Path;

/**
 * The outcome of reading the database settings: an external server, or the embedded one.
 */
public sealed interface DatabaseChoice {

	/**
	 * @param description what the log says, never the password
	 */
	record External(String jdbcUrl, String user, String password, String description) implements DatabaseChoice {

		@Override
		public String toString() {
			return "External[" + this.description + "]";
		}

	}

	record Embedded(Path dataDirectory) implements DatabaseChoice {
	}

}
