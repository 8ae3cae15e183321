package dev.spotifytracker.app;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is. {@code DB_*} or {@code DATABASE_URL} (bound in application.yml)
 * name an external PostgreSQL; with neither, an embedded PostgreSQL keeps its data under
 * {@code dataDir}. Ports stay strings so a bad value is reported by its variable name.
 *
 * @param host {@code DB_HOST}
 * @param port {@code DB_PORT}, default 5432
 * @param name {@code DB_NAME}
 * @param user {@code DB_USER}
 * @param password {@code DB_PASSWORD}
 * @param url {@code DATABASE_URL}, Render's {@code postgres://user:pass@host:port/db}
 * form
 * @param dataDir {@code TRACKER_DATA_DIR}: embedded database and local secrets
 */
@ConfigurationProperties("tracker.database")
public record DatabaseSettings(String host, String port, String name, String user, String password, String url,
		@DefaultValue("./data") Path dataDir) {

	boolean anyExternalPartGiven() {
		return hasText(this.host) || hasText(this.port) || hasText(this.name) || hasText(this.user)
				|| hasText(this.password);
	}

	static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * Never prints the password, nor {@code DATABASE_URL}, which carries it.
	 */
	@Override
	public String toString() {
		return "DatabaseSettings[host=" + this.host + ", port=" + this.port + ", name=" + this.name + ", user="
				+ this.user + ", password=" + (hasText(this.password) ? "(set)" : "(not set)") + ", url="
				+ (hasText(this.url) ? "(set)" : "(not set)") + ", dataDir=" + this.dataDir + "]";
	}

}
