package dev.spotifytracker.account;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.spotifytracker.app.DatabaseChoice;
import dev.spotifytracker.app.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppSecretTest {

	@TempDir
	Path dataDir;

	private final DatabaseChoice external = new DatabaseChoice.External("jdbc:postgresql://db/x", "u", "p", "db");

	@Test
	void configuredSecretIsUsed() {
		assertThat(AppSecret.resolve("  a-configured-secret-value  ", this.external))
			.isEqualTo("a-configured-secret-value");
	}

	@Test
	void externalDatabaseWithoutSecretRefusesToStart() {
		assertThatThrownBy(() -> AppSecret.resolve("", this.external)).isInstanceOf(InvalidSettingException.class)
			.hasMessageStartingWith("APP_SECRET must be set when the database is external");
	}

	@Test
	void shortSecretIsRefused() {
		assertThatThrownBy(() -> AppSecret.resolve("short", this.external))
			.hasMessageStartingWith("APP_SECRET is shorter than 16 characters");
	}

	@Test
	void embeddedDatabaseGeneratesASecretOnceAndKeepsIt() throws Exception {
		DatabaseChoice embedded = new DatabaseChoice.Embedded(this.dataDir);

		String first = AppSecret.resolve(null, embedded);
		String second = AppSecret.resolve(null, embedded);

		assertThat(first).hasSizeGreaterThanOrEqualTo(40).isEqualTo(second);
		Path file = this.dataDir.resolve("app-secret");
		assertThat(Files.readString(file).strip()).isEqualTo(first);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

}
