package dev.spotifytracker.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the database settings and decides which PostgreSQL to use. Pure, so every rule is
 * unit-tested: {@code DATABASE_URL} or a complete {@code DB_*} set name an external
 * server; a half-given set is an error naming what is missing;
 * {@code spring.datasource.url} (tests, advanced use) is honoured next; otherwise the
 * embedded database.
 */
public final class DatabaseSelector {

	private static final int DEFAULT_PORT = 5432;

	private DatabaseSelector() {
	}

	public static DatabaseChoice select(DatabaseSettings settings, SpringDataSource springDataSource) {
		boolean urlGiven = DatabaseSettings.hasText(settings.url());
		if (urlGiven && settings.anyExternalPartGiven()) {
			throw new InvalidSettingException("DATABASE_URL",
					"Both DATABASE_URL and DB_* variables are set: keep one way of naming the database and remove the other.");
		}
		if (urlGiven) {
			return fromDatabaseUrl(settings.url().trim());
		}
		if (settings.anyExternalPartGiven()) {
			return fromParts(settings);
		}
		if (springDataSource != null && DatabaseSettings.hasText(springDataSource.url())) {
			return new DatabaseChoice.External(springDataSource.url(), springDataSource.username(),
					springDataSource.password(), "spring.datasource.url " + withoutQuery(springDataSource.url()));
		}
		return new DatabaseChoice.Embedded(settings.dataDir().toAbsolutePath().normalize());
	}

	private static DatabaseChoice fromParts(DatabaseSettings settings) {
		List<String> missing = new ArrayList<>();
		if (!DatabaseSettings.hasText(settings.host())) {
			missing.add("DB_HOST");
		}
		if (!DatabaseSettings.hasText(settings.name())) {
			missing.add("DB_NAME");
		}
		if (!DatabaseSettings.hasText(settings.user())) {
			missing.add("DB_USER");
		}
		if (!DatabaseSettings.hasText(settings.password())) {
			missing.add("DB_PASSWORD");
		}
		if (!missing.isEmpty()) {
			throw new InvalidSettingException(missing.get(0), "The external database is only partly configured: "
					+ String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
					+ " missing (set all of DB_HOST, DB_NAME, DB_USER and DB_PASSWORD, or none of them to use the embedded database).");
		}
		int port = DatabaseSettings.hasText(settings.port()) ? parsePort(settings.port().trim(), "DB_PORT")
				: DEFAULT_PORT;
		String hostAndPort = settings.host().trim() + ":" + port;
		String jdbcUrl = "jdbc:postgresql://" + hostAndPort + "/" + settings.name().trim();
		return new DatabaseChoice.External(jdbcUrl, settings.user().trim(), settings.password(),
				"external PostgreSQL " + hostAndPort + "/" + settings.name().trim() + " (DB_*)");
	}

	private static DatabaseChoice fromDatabaseUrl(String databaseUrl) {
		URI uri;
		try {
			uri = new URI(databaseUrl);
		}
		catch (URISyntaxException ex) {
			throw notRenderForm();
		}
		String scheme = uri.getScheme();
		if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
			throw notRenderForm();
		}
		String host = uri.getHost();
		String path = uri.getRawPath();
		String userInfo = uri.getRawUserInfo();
		if (host == null || path == null || path.length() < 2 || userInfo == null || !userInfo.contains(":")) {
			throw notRenderForm();
		}
		int port = (uri.getPort() == -1) ? DEFAULT_PORT : uri.getPort();
		String database = decode(path.substring(1));
		String user = decode(userInfo.substring(0, userInfo.indexOf(':')));
		String password = decode(userInfo.substring(userInfo.indexOf(':') + 1));
		String hostAndPort = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		String jdbcUrl = "jdbc:postgresql://" + hostAndPort + "/" + path.substring(1) + query;
		return new DatabaseChoice.External(jdbcUrl, user, password,
				"external PostgreSQL " + hostAndPort + "/" + database + " (DATABASE_URL)");
	}

	private static InvalidSettingException notRenderForm() {
		return new InvalidSettingException("DATABASE_URL",
				"DATABASE_URL is not of the form postgres://user:password@host:port/database.");
	}

	private static int parsePort(String value, String variable) {
		try {
			int port = Integer.parseInt(value);
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new InvalidSettingException(variable,
				variable + " must be a port number from 1 to 65535, not '" + value + "'.");
	}

	private static String decode(String value) {
		return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static String withoutQuery(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query);
	}

	/**
	 * Spring Boot's own {@code spring.datasource.*} settings, used when none of ours are.
	 */
	public record SpringDataSource(String url, String username, String password) {
	}

}
