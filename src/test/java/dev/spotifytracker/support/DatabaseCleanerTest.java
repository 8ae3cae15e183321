package dev.spotifytracker.support;

import java.sql.Connection;
import java.sql.DriverManager;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class DatabaseCleanerTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTransactionLeftOpenByAnEarlierTestDoesNotHangTheCleanUp() throws Exception {
		this.jdbc.sql("insert into accounts (spotify_user_id) values ('alice')").update();
		TestDatabase database = TestDatabase.get();
		try (Connection leftover = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password())) {
			leftover.setAutoCommit(false);
			leftover.createStatement().executeQuery("select * from accounts").close();

			DatabaseCleaner.clean(this.dataSource);

			assertThat(this.jdbc.sql("select count(*) from accounts").query(Long.class).single()).isZero();
			assertThatThrownBy(() -> leftover.createStatement().executeQuery("select 1"))
				.as("the leftover's connection was ended")
				.isInstanceOf(java.sql.SQLException.class);
		}
	}

}
