package dev.spotifytracker.library;

import java.util.List;

import dev.spotifytracker.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code library_entries} (V150), the table behind {@code library_tracks}, against the
 * view's former body computed here from the four tables: after each kind of write its
 * triggers must leave the two equal.
 */
@DatabaseTest
class LibraryEntriesTest {

	/** What library_tracks said when it was a view (V5). */
	private static final String DRAWN_FROM_THE_TABLES = """
			select concat_ws(' ', account_id, track_id, liked_at, saved_at, added_at, is_playable) from (
			  select lt.account_id, lt.track_id, lt.added_at as liked_at, sa.added_at as saved_at,
			         least(lt.added_at, sa.added_at) as added_at, av.is_playable
			  from liked_tracks lt
			  join tracks t on t.id = lt.track_id
			  left join saved_albums sa on sa.account_id = lt.account_id and sa.album_id = t.album_id
			  left join track_availability av on av.account_id = lt.account_id and av.track_id = lt.track_id
			  union all
			  select sa.account_id, t.id, null, sa.added_at, sa.added_at, av.is_playable
			  from saved_albums sa
			  join tracks t on t.album_id = sa.album_id
			  left join track_availability av on av.account_id = sa.account_id and av.track_id = t.id
			  where not exists (select 1 from liked_tracks lt where lt.account_id = sa.account_id and lt.track_id = t.id)
			) v order by 1
			""";

	private static final String KEPT = """
			select concat_ws(' ', account_id, track_id, liked_at, saved_at, added_at, is_playable) from library_tracks
			order by 1
			""";

	@Autowired
	JdbcClient jdbc;

	private long alice;

	private long bob;

	@BeforeEach
	void twoAccountsAndACatalog() {
		this.alice = account("alice");
		this.bob = account("bob");
		sql("insert into albums (id, name) values ('a1', 'One'), ('a2', 'Two'), ('a3', 'Three')");
		sql("""
				insert into tracks (id, album_id, name) values
				  ('t1', 'a1', 'One'), ('t2', 'a1', 'Two'), ('t3', 'a2', 'Three'), ('t4', 'a3', 'Four')
				""");
	}

	@Test
	void likesAndSavedAlbumsMakeTheLibrary() {
		// when
		sql("insert into liked_tracks values (" + this.alice + ", 't1', '2026-01-05'), (" + this.alice
				+ ", 't3', '2026-01-01'), (" + this.bob + ", 't4', '2026-02-01')");
		sql("insert into saved_albums values (" + this.alice + ", 'a1', '2026-01-03'), (" + this.bob
				+ ", 'a1', '2026-03-01')");

		// then: t1 liked on a saved album takes the earlier date; t2 only through the
		// album
		assertThat(kept()).containsExactly(
				this.alice + " t1 2026-01-05 00:00:00+00 2026-01-03 00:00:00+00 2026-01-03 00:00:00+00",
				this.alice + " t2 2026-01-03 00:00:00+00 2026-01-03 00:00:00+00",
				this.alice + " t3 2026-01-01 00:00:00+00 2026-01-01 00:00:00+00",
				this.bob + " t1 2026-03-01 00:00:00+00 2026-03-01 00:00:00+00",
				this.bob + " t2 2026-03-01 00:00:00+00 2026-03-01 00:00:00+00",
				this.bob + " t4 2026-02-01 00:00:00+00 2026-02-01 00:00:00+00");
		assertThat(kept()).isEqualTo(drawn());
	}

	@Test
	void everyLaterWriteKeepsItEqualToTheTables() {
		sql("insert into liked_tracks values (" + this.alice + ", 't1', '2026-01-05'), (" + this.alice
				+ ", 't3', '2026-01-01')");
		sql("insert into saved_albums values (" + this.alice + ", 'a1', '2026-01-03'), (" + this.bob
				+ ", 'a2', '2026-03-01')");
		String[] writes = {
				// a new track on a saved album (the album's tracks synced later)
				"insert into tracks (id, album_id, name) values ('t5', 'a1', 'Five')",
				// availability learnt, then changed, then forgotten
				"insert into track_availability values (" + this.alice + ", 't2', false, 'region', now())",
				"update track_availability set is_playable = true where track_id = 't2'",
				"insert into track_availability values (" + this.bob + ", 't3', null, null, now())",
				"delete from track_availability where account_id = " + this.alice,
				// a like's date corrected, an album re-saved, an unlike, an album removed
				"update liked_tracks set added_at = '2025-12-01' where track_id = 't1'",
				"insert into saved_albums values (" + this.alice + ", 'a2', '2026-04-01') "
						+ "on conflict (account_id, album_id) do update set added_at = excluded.added_at",
				"update saved_albums set added_at = '2026-05-01' where album_id = 'a2'",
				"delete from liked_tracks where track_id = 't3'",
				// a track moved off a saved album to one nobody saved, another moved onto
				// a
				// saved album (a stub meeting its real album), then one deleted from the
				// catalog
				"update tracks set album_id = 'a3' where id = 't2'",
				"delete from saved_albums where account_id = " + this.alice + " and album_id = 'a1'",
				"update tracks set album_id = 'a2' where id = 't5'",
				"update tracks set name = 'Renamed' where id = 't3'", "delete from track_availability where true",
				"delete from tracks where id = 't2'" };
		for (String write : writes) {
			sql(write);
			assertThat(kept()).as(write).isEqualTo(drawn());
		}
		assertThat(kept()).isNotEmpty();
	}

	private long account(String user) {
		return this.jdbc.sql("insert into accounts (spotify_user_id) values (?) returning id")
			.param(user)
			.query(Long.class)
			.single();
	}

	private void sql(String statement) {
		this.jdbc.sql(statement).update();
	}

	private List<String> kept() {
		return this.jdbc.sql(KEPT).query(String.class).list();
	}

	private List<String> drawn() {
		return this.jdbc.sql(DRAWN_FROM_THE_TABLES).query(String.class).list();
	}

}
