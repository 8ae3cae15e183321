package dev.spotifytracker.app;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one DataSource of the service, on the PostgreSQL that {@link DatabaseSelector}
 * chose.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	DatabaseChoice databaseChoice(DatabaseSettings settings, Environment environment) {
		return DatabaseSelector.select(settings, springDataSource(environment));
	}

	static DatabaseSelector.SpringDataSource springDataSource(Environment environment) {
		return new DatabaseSelector.SpringDataSource(environment.getProperty("spring.datasource.url"),
				environment.getProperty("spring.datasource.username"),
				environment.getProperty("spring.datasource.password"));
	}

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseHolder embeddedDatabase(DatabaseChoice choice) {
		if (choice instanceof DatabaseChoice.Embedded embedded) {
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(embedded.dataDirectory());
			log.info("Database: embedded PostgreSQL with its data in {} (port {})", server.directory(), server.port());
			return new EmbeddedDatabaseHolder(server);
		}
		log.info("Database: {}", ((DatabaseChoice.External) choice).description());
		return new EmbeddedDatabaseHolder(null);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DatabaseChoice choice, EmbeddedDatabaseHolder embedded) {
		if (choice instanceof DatabaseChoice.External external) {
			return DataSourceBuilder.create()
				.type(HikariDataSource.class)
				.url(external.jdbcUrl())
				.username(external.user())
				.password(external.password())
				.build();
		}
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(embedded.server().jdbcUrl())
			.username(EmbeddedPostgresServer.USER)
			.password(embedded.server().password())
			.build();
	}

	/**
	 * Keeps the embedded server (or nothing) as a bean so Spring stops it after the pool
	 * that depends on it.
	 */
	record EmbeddedDatabaseHolder(EmbeddedPostgresServer server) implements AutoCloseable {

		@Override
		public void close() {
			if (this.server != null) {
				this.server.close();
			}
		}

	}

}
