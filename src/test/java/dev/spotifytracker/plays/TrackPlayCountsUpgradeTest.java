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

import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V120 on a database that already has rollups (built before play days knew their first
 * and last play): the days and tracks learn their instants from the plays, and an account
 * whose rollups no play explains loses them, so it is counted from its plays again.
 */
class TrackPlayCountsUpgradeTest {

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
	void rollupsBuiltBeforeLearnTheirFirstAndLastPlay() {
		// given: the schema V101 (the last to build rollups without first and last
		// plays), two accounts with plays and their rollups
		migrateTo("101");
		long alice = account("alice");
		long bob = account("bob");
		this.jdbc.sql("insert into albums (id, name) values ('a1', 'Album')").update();
		this.jdbc.sql("insert into tracks (id, album_id, name, duration_ms) values ('t1', 'a1', 'One', 200000)")
			.update();
		this.jdbc.sql("insert into tracks (id, album_id, name, duration_ms) values ('t2', 'a1', 'Two', 200000)")
			.update();
		play(alice, "t1", "2026-03-01T10:00:00Z");
		play(alice, "t1", "2026-03-01T18:00:00Z");
		play(alice, "t1", "2026-05-02T09:00:00Z");
		play(alice, "t2", "2026-04-01T00:02:00Z"); // started the day before, at 23:58:40
		play(bob, "t2", "2026-04-01T12:00:00Z");
		rollupsAsBuiltBefore(alice);
		rollupsAsBuiltBefore(bob);
		// bob's rollups disagree with his plays: a day no play explains
		this.jdbc
			.sql("insert into play_days (account_id, day, track_id, plays, ms) values (?, '2020-01-01', 't1', 1, 1)")
			.param(bob)
			.update();

		// when
		migrateTo("latest");

		// then
		assertThat(rows("""
				select concat_ws(' ', track_id, plays, first_day, last_day, first_played_at at time zone 'UTC',
				                 last_played_at at time zone 'UTC')
				from play_tracks where account_id = ? order by track_id
				""", alice)).containsExactly("t1 3 2026-03-01 2026-05-02 2026-03-01 10:00:00 2026-05-02 09:00:00",
				"t2 1 2026-03-31 2026-03-31 2026-04-01 00:02:00 2026-04-01 00:02:00");
		assertThat(rows("select concat_ws(' ', track_id, plays) from play_tracks where account_id = ?", bob)).isEmpty();
		assertThat(rows("select time_zone from play_rollup_accounts where account_id = ?", bob)).isEmpty();
		for (long account : new long[] { alice, bob }) {
			assertThat(rows("""
					select concat_ws(' ', track_id, plays, first_played_at, last_played_at) from track_play_counts
					where account_id = ? order by track_id
					""", account)).isEqualTo(rows("""
					select concat_ws(' ', track_id, count(*), min(played_at), max(played_at)) from counted_plays
					where account_id = ? group by track_id order by track_id
					""", account));
		}
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

	/** A play of 200 s that ended at the given instant. */
	private void play(long account, String track, String endedAt) {
		this.jdbc.sql("""
				insert into plays (account_id, track_id, played_at, source, ms_played)
				values (?, ?, ?, 'recently_played', 200000)
				""").params(account, track, Timestamp.from(Instant.parse(endedAt))).update();
	}

	/** Days and tracks as the rollups before V120 kept them, in UTC. */
	private void rollupsAsBuiltBefore(long account) {
		this.jdbc.sql("insert into play_rollup_accounts (account_id, time_zone) values (?, 'UTC')")
			.param(account)
			.update();
		this.jdbc.sql("""
				insert into play_days (account_id, day, track_id, plays, ms)
				select account_id, ((played_at - ms_played * interval '1 millisecond') at time zone 'UTC')::date,
				       track_id, count(*), sum(ms_played)
				from plays where account_id = ? group by 1, 2, 3
				""").param(account).update();
		this.jdbc.sql("""
				insert into play_tracks (account_id, track_id, plays, ms, first_day, last_day)
				select account_id, track_id, sum(plays), sum(ms), min(day), max(day)
				from play_days where account_id = ? group by 1, 2
				""").param(account).update();
	}

	private List<String> rows(String sql, long account) {
		return this.jdbc.sql(sql).param(account).query(String.class).list();
	}

}
