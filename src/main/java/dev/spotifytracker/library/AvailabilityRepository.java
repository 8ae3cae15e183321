package dev.spotifytracker.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.Playability;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code track_availability} table: whether each library track plays in the account's
 * market, as Spotify last said. The latest answer wins, "unknown" included, so the
 * availability job knows which tracks to ask about again.
 */
@Repository
class AvailabilityRepository {

	private final JdbcClient jdbc;

	AvailabilityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores what a pass's pages said about their tracks ({@link PassStaging}).
	 * @return how many tracks are new here or changed state
	 */
	int mergeStaged(AccountId account, Instant checkedAt) {
		// a data-modifying WITH always runs to completion, and the count reads the
		// table as it was before it (one snapshot per statement)
		return this.jdbc.sql("""
				with upserted as (
				  insert into track_availability (account_id, track_id, is_playable, reason, checked_at)
				  select :account, track_id, is_playable, reason, :at from %1$s
				  on conflict (account_id, track_id) do update set is_playable = excluded.is_playable,
				    reason = excluded.reason, checked_at = excluded.checked_at
				)
				select count(*) from %1$s s
				where not exists (select 1 from track_availability a where a.account_id = :account
				    and a.track_id = s.track_id and a.is_playable is not distinct from s.is_playable
				    and a.reason is not distinct from s.reason)
				""".formatted(PassStaging.AVAILABILITY))
			.param("account", account.value())
			.param("at", Timestamp.from(checkedAt))
			.query(Integer.class)
			.single();
	}

	/**
	 * Stores the answers of one-track look-ups.
	 * @return how many tracks changed state
	 */
	int write(AccountId account, Map<String, Playability> byTrack, Instant checkedAt) {
		if (byTrack.isEmpty()) {
			return 0;
		}
		// as in mergeStaged: the count reads the table as it was before the upsert
		return this.jdbc
			.sql("""
					with incoming as (
					  select * from unnest(:ids::text[], :playable::boolean[], :reasons::text[]) as i(track_id, is_playable, reason)
					), upserted as (
					  insert into track_availability (account_id, track_id, is_playable, reason, checked_at)
					  select :account, track_id, is_playable, reason, :at from incoming
					  on conflict (account_id, track_id) do update set is_playable = excluded.is_playable,
					    reason = excluded.reason, checked_at = excluded.checked_at
					)
					select count(*) from incoming i
					where not exists (select 1 from track_availability a where a.account_id = :account and a.track_id = any(:ids::text[])
					    and a.track_id = i.track_id and a.is_playable is not distinct from i.is_playable
					    and a.reason is not distinct from i.reason)
					""")
			.param("ids", SqlArrays.of(byTrack.keySet()))
			.param("playable", SqlArrays.column(byTrack.values(), Playability::playable))
			.param("reasons", SqlArrays.column(byTrack.values(), Playability::reason))
			.param("account", account.value())
			.param("at", Timestamp.from(checkedAt))
			.query(Integer.class)
			.single();
	}

	/**
	 * Library tracks whose availability is unknown, the longest unchecked first.
	 */
	List<String> unknown(AccountId account, int limit) {
		return this.jdbc
			.sql("""
					select a.track_id from track_availability a
					where a.account_id = :account and a.is_playable is null
					  and (exists (select 1 from liked_tracks l where l.account_id = a.account_id and l.track_id = a.track_id)
					    or exists (select 1 from tracks t join saved_albums s on s.album_id = t.album_id
					               where t.id = a.track_id and s.account_id = a.account_id))
					order by a.checked_at, a.track_id
					limit :limit
					""")
			.param("account", account.value())
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * Drops the availability of tracks that left the account's library.
	 */
	int removeOutsideLibrary(AccountId account) {
		return this.jdbc
			.sql("""
					delete from track_availability a
					where a.account_id = :account
					  and not exists (select 1 from liked_tracks l where l.account_id = a.account_id and l.track_id = a.track_id)
					  and not exists (select 1 from tracks t join saved_albums s on s.album_id = t.album_id
					                  where t.id = a.track_id and s.account_id = a.account_id)
					""")
			.param("account", account.value())
			.update();
	}

}
