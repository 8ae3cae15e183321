package dev.spotifytracker.app;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSelectorTest {

	private static final DatabaseSelector.SpringDataSource NO_SPRING_DATASOURCE = new DatabaseSelector.SpringDataSource(
			null, null, null);

	@Test
	void noSettingsSelectsTheEmbeddedDatabaseInTheDataDirectory() {
		DatabaseChoice choice = DatabaseSelector.select(settings(null, null, null, null, null, null),
				NO_SPRING_DATASOURCE);

		assertThat(choice).isInstanceOf(DatabaseChoice.Embedded.class);
		assertThat(((DatabaseChoice.Embedded) choice).dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
	}

	@Test
	void completeDbVariablesSelectAnExternalDatabaseOnTheDefaultPort() {
		DatabaseChoice choice = DatabaseSelector.select(settings("db.example.org", null, "tracker", "me", "pw", null),
				NO_SPRING_DATASOURCE);

		DatabaseChoice.External external = (DatabaseChoice.External) choice;
		assertThat(external.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:5432/tracker");
		assertThat(external.user()).isEqualTo("me");
		assertThat(external.password()).isEqualTo("pw");
		assertThat(external.description()).doesNotContain("pw");
	}

	@Test
	void dbPortIsUsedWhenGiven() {
		DatabaseChoice.External external = (DatabaseChoice.External) DatabaseSelector
			.select(settings("db", "6543", "tracker", "me", "pw", null), NO_SPRING_DATASOURCE);

		assertThat(external.jdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/tracker");
	}

	@Test
	void hostWithoutPasswordNamesWhatIsMissing() {
		assertThatThrownBy(
				() -> DatabaseSelector.select(settings("db", null, "tracker", "me", null, null), NO_SPRING_DATASOURCE))
			.isInstanceOf(InvalidSettingException.class)
			.hasMessage(
					"The external database is only partly configured: DB_PASSWORD is missing (set all of DB_HOST, DB_NAME, DB_USER and DB_PASSWORD, or none of them to use the embedded database).")
			.extracting((ex) -> ((InvalidSettingException) ex).setting())
			.isEqualTo("DB_PASSWORD");
	}

	@Test
	void hostAloneNamesEveryMissingVariable() {
		assertThatThrownBy(
				() -> DatabaseSelector.select(settings("db", null, null, null, null, null), NO_SPRING_DATASOURCE))
			.hasMessageContaining("DB_NAME, DB_USER, DB_PASSWORD are missing");
	}

	@Test
	void badPortIsRefusedByItsVariableName() {
		assertThatThrownBy(() -> DatabaseSelector.select(settings("db", "five", "tracker", "me", "pw", null),
				NO_SPRING_DATASOURCE))
			.hasMessage("DB_PORT must be a port number from 1 to 65535, not 'five'.");
	}

	@Test
	void renderDatabaseUrlBecomesJdbcWithCredentialsApart() {
		DatabaseChoice.External external = (DatabaseChoice.External) DatabaseSelector.select(
				settings(null, null, null, null, null,
						"postgres://tracker_user:s3cr%40t@dpg-abc123-a.oregon-postgres.render.com:5433/tracker_db"),
				NO_SPRING_DATASOURCE);

		assertThat(external.jdbcUrl())
			.isEqualTo("jdbc:postgresql://dpg-abc123-a.oregon-postgres.render.com:5433/tracker_db");
		assertThat(external.user()).isEqualTo("tracker_user");
		assertThat(external.password()).isEqualTo("s3cr@t");
		assertThat(external.description()).doesNotContain("s3cr");
	}

	@Test
	void databaseUrlWithoutPortUsesTheDefaultAndKeepsSslMode() {
		DatabaseChoice.External external = (DatabaseChoice.External) DatabaseSelector.select(
				settings(null, null, null, null, null, "postgresql://u:p@dpg-abc123-a/tracker?sslmode=require"),
				NO_SPRING_DATASOURCE);

		assertThat(external.jdbcUrl()).isEqualTo("jdbc:postgresql://dpg-abc123-a:5432/tracker?sslmode=require");
	}

	@Test
	void databaseUrlOfAnotherFormIsRefused() {
		assertThatThrownBy(() -> DatabaseSelector.select(settings(null, null, null, null, null, "mysql://u:p@host/db"),
				NO_SPRING_DATASOURCE))
			.isInstanceOf(InvalidSettingException.class)
			.hasMessage("DATABASE_URL is not of the form postgres://user:password@host:port/database.");
	}

	@Test
	void databaseUrlWithoutPasswordIsRefused() {
		assertThatThrownBy(() -> DatabaseSelector.select(settings(null, null, null, null, null, "postgres://u@host/db"),
				NO_SPRING_DATASOURCE))
			.isInstanceOf(InvalidSettingException.class);
	}

	@Test
	void databaseUrlAndDbVariablesTogetherAreRefused() {
		assertThatThrownBy(() -> DatabaseSelector.select(settings("db", null, null, null, null, "postgres://u:p@h/d"),
				NO_SPRING_DATASOURCE))
			.hasMessageStartingWith("Both DATABASE_URL and DB_* variables are set");
	}

	@Test
	void springDatasourceUrlIsHonouredWhenNothingOfOursIsSet() {
		DatabaseChoice.External external = (DatabaseChoice.External) DatabaseSelector.select(
				settings(null, null, null, null, null, null),
				new DatabaseSelector.SpringDataSource("jdbc:postgresql://localhost:5432/x", "u", "p"));

		assertThat(external.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/x");
		assertThat(external.user()).isEqualTo("u");
	}

	private static DatabaseSettings settings(String host, String port, String name, String user, String password,
			String url) {
		return new DatabaseSettings(host, port, name, user, password, url, Path.of("./data"));
	}

}
