package dev.spotifytracker.app;

import java.time.Instant;
import java.util.List;

import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flyway's V1 on a real PostgreSQL: the tables of DESIGN.md, their keys and the indexes
 * the playlist and dashboard queries rely on.
 */
@IntegrationTest
class SchemaMigrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyTableOfTheDesignExistsAndIsCommented() {
		List<String> uncommented = this.jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
				and obj_description(c.oid, 'pg_class') is null
				""").query(String.class).list();
		List<String> tables = this.jdbc
			.sql("select tablename from pg_tables where schemaname = 'public' order by tablename")
			.query(String.class)
			.list();

		assertThat(tables).contains("accounts", "artists", "albums", "album_artists", "tracks", "track_artists",
				"saved_albums", "liked_tracks", "track_availability", "plays", "playlist_mappings", "job_runs", "logs",
				"shedlock");
		assertThat(uncommented).isEmpty();
	}

	@Test
	void everyInstantIsATimestampWithTimeZone() {
		List<String> withoutZone = this.jdbc.sql("""
				select table_name || '.' || column_name from information_schema.columns
				where table_schema = 'public' and data_type = 'timestamp without time zone'
				and table_name <> 'flyway_schema_history'
				""").query(String.class).list();

		assertThat(withoutZone).isEmpty();
	}

	@Test
	void pollingTheSamePlayTwiceIsRefusedByTheUniqueKey() {
		long account = anAccountWithOneTrack();
		Instant playedAt = Instant.parse("2026-11-01T10:15:30Z");
		insertPlay(account, playedAt);

		assertThatThrownBy(() -> insertPlay(account, playedAt)).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(this.jdbc
			.sql("insert into plays (account_id, track_id, played_at, source) "
					+ "values (?, 't1', ?, 'recently_played') on conflict do nothing")
			.params(account, java.sql.Timestamp.from(playedAt))
			.update()).isZero();
	}

	@Test
	void aPlayOfAnUnknownTrackIsRefused() {
		long account = anAccountWithOneTrack();

		assertThatThrownBy(() -> this.jdbc.sql(
				"insert into plays (account_id, track_id, played_at, source) values (?, 'nope', now(), 'recently_played')")
			.param(account)
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theQueriesOfThePlaylistsAndTheDashboardHaveTheirIndexes() {
		List<String> indexes = this.jdbc.sql("select indexdef from pg_indexes where schemaname = 'public'")
			.query(String.class)
			.list();

		assertThat(indexes).anyMatch((def) -> def.contains("ON public.plays") && def.contains("(account_id, track_id"))
			.anyMatch((def) -> def.contains("ON public.plays") && def.contains("(account_id, played_at"))
			.anyMatch((def) -> def.contains("ON public.liked_tracks") && def.contains("(account_id, added_at DESC)"))
			.anyMatch((def) -> def.contains("ON public.saved_albums") && def.contains("(account_id, added_at DESC)"));
	}

	private long anAccountWithOneTrack() {
		long account = this.jdbc.sql("insert into accounts (spotify_user_id) values ('alice') returning id")
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into albums (id, name) values ('a1', 'Album')").update();
		this.jdbc.sql("insert into tracks (id, album_id, name) values ('t1', 'a1', 'Track')").update();
		return account;
	}

	private void insertPlay(long account, Instant playedAt) {
		this.jdbc
			.sql("insert into plays (account_id, track_id, played_at, source) values (?, 't1', ?, 'recently_played')")
			.params(account, java.sql.Timestamp.from(playedAt))
			.update();
	}

}
