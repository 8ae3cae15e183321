package dev.spotifytracker.plays;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.spotifytracker.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V170 on a database that already has rollups (built before the hours knew their
 * quarters): each hour learns the plays and time of its quarters from the plays, in the
 * zone the rollups were built in, and an account whose hours no play explains loses its
 * rollups, so it is counted from its plays again.
 */
class QuarterHourRollupUpgradeTest {

	private final String name = "upgrade_" + UUID.randomUUID().toString().replace("-", "");

	private SingleConnectionDataSource admin;

	private SingleConnectionDataSource upgraded;

	private JdbcClient jdbc;

	@BeforeEach
	void createAnEmptyDatabase() {
		TestDatabase database = TestDatabase.get();
		this.admin = new SingleConnectionDataSource(database.jdbcUrl(), database.username(), database.password(), true);
		JdbcClient.create(this.admin).sql("create database " + this.name).update();
		String url = database.jdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + this.name + "$1");
		this.upgraded = new SingleConnectionDataSource(url, database.username(), database.password(), true);
		this.jdbc = JdbcClient.create(this.upgraded);
	}

	@AfterEach
	void dropIt() {
		this.upgraded.destroy();
		JdbcClient.create(this.admin).sql("drop database if exists " + this.name).update();
		this.admin.destroy();
	}

	@Test
	void hoursBuiltBeforeLearnTheirQuarters() {
		// given: the schema V150 (the last to build hours without quarters), two
		// accounts with plays and their hours, built in Berlin
		migrateTo("150");
		long alice = account("alice");
		long bob = account("bob");
		this.jdbc.sql("insert into albums (id, name) values ('a1', 'Album')").update();
		this.jdbc.sql("insert into tracks (id, album_id, name, duration_ms) values ('t1', 'a1', 'One', 200000)")
			.update();
		// plays of 200 s: they start at 11:01:40, 11:36:40 and 11:46:40 in Berlin
		play(alice, "2026-03-01T10:05:00Z");
		play(alice, "2026-03-01T10:40:00Z");
		play(alice, "2026-03-01T10:50:00Z");
		// starts at 01:56:40 in Berlin, in the last quarter of the hour before
		play(alice, "2026-03-02T01:00:00Z");
		play(bob, "2026-03-01T10:05:00Z");
		hoursAsBuiltBefore(alice);
		hoursAsBuiltBefore(bob);
		// bob's rollups disagree with his plays: an hour no play explains
		this.jdbc.sql("""
				insert into play_hours (account_id, day, hour, plays, ms, estimated_ms)
				values (?, '2020-01-01', 5, 1, 1, 0)
				""").param(bob).update();

		// when
		migrateTo("latest");

		// then
		assertThat(rows("""
				select concat_ws(' ', day, hour, plays, plays_q, ms_q) from play_hours
				where account_id = ? order by day, hour
				""", alice)).containsExactly("2026-03-01 11 3 {1,0,1,1} {200000,0,200000,200000}",
				"2026-03-02 1 1 {0,0,0,1} {0,0,0,200000}");
		assertThat(rows("select time_zone from play_rollup_accounts where account_id = ?", alice))
			.containsExactly("Europe/Berlin");
		assertThat(rows("select concat_ws(' ', day, hour) from play_hours where account_id = ?", bob)).isEmpty();
		assertThat(rows("select time_zone from play_rollup_accounts where account_id = ?", bob)).isEmpty();
	}

	private void migrateTo(String target) {
		Flyway.configure()
			.dataSource(this.upgraded)
			.locations("classpath:db/migration")
			.target(target)
			.load()
			.migrate();
	}

	private long account(String user) {
		return this.jdbc.sql("insert into accounts (spotify_user_id) values (?) returning id")
			.param(user)
			.query(Long.class)
			.single();
	}

	/** A play of 200 s of t1 that ended at the given instant. */
	private void play(long account, String endedAt) {
		this.jdbc.sql("""
				insert into plays (account_id, track_id, played_at, source, ms_played)
				values (?, 't1', ?, 'recently_played', 200000)
				""").params(account, Timestamp.from(Instant.parse(endedAt))).update();
	}

	/** Hours as the rollups before V170 kept them, in Berlin. */
	private void hoursAsBuiltBefore(long account) {
		this.jdbc.sql("insert into play_rollup_accounts (account_id, time_zone) values (?, 'Europe/Berlin')")
			.param(account)
			.update();
		this.jdbc.sql("""
				insert into play_hours (account_id, day, hour, plays, ms, estimated_ms)
				select account_id, (s at time zone 'Europe/Berlin')::date,
				       extract(hour from s at time zone 'Europe/Berlin')::smallint, count(*), sum(ms_played), 0
				from (select account_id, ms_played, played_at - ms_played * interval '1 millisecond' as s
				      from plays where account_id = ?) p
				group by 1, 2, 3
				""").param(account).update();
	}

	private List<String> rows(String sql, long account) {
		return this.jdbc.sql(sql).param(account).query(String.class).list();
	}

}
