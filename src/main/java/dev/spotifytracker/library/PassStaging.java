package dev.spotifytracker.library;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spotifytracker.spotify.Playability;
import dev.spotifytracker.spotify.Track;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a list pass has read from Spotify, in temporary tables of the pass's transaction
 * rather than in the heap: the entries ({@value #LISTED}: id, added_at) and what the
 * pages said about their tracks' availability ({@value #AVAILABILITY}). The stored list
 * and availability are then brought in step with set-based statements: a page costs one
 * insert here, and no statement per page reads rows the pass itself wrote (their
 * statistics cannot be known until the commit, and plans built on guesses turned a first
 * sync quadratic). The tables disappear at commit or rollback.
 */
final class PassStaging {

	static final String LISTED = "sync_listed";

	static final String AVAILABILITY = "sync_availability";

	private final JdbcClient jdbc;

	private PassStaging(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the (empty) tables; call inside the pass's transaction.
	 */
	static PassStaging create(JdbcClient jdbc) {
		jdbc.sql("""
				create temporary table if not exists %s (id text primary key, added_at timestamptz not null)
				on commit drop
				""".formatted(LISTED)).update();
		jdbc.sql("""
				create temporary table if not exists %s (track_id text primary key, is_playable boolean, reason text)
				on commit drop
				""".formatted(AVAILABILITY)).update();
		jdbc.sql("truncate " + LISTED + ", " + AVAILABILITY).update();
		return new PassStaging(jdbc);
	}

	/**
	 * Stages one page: its entries and what it said about its tracks (a later page's word
	 * on a track wins).
	 */
	void stage(List<IncrementalPlan.Entry> entries, Collection<Track> tracks) {
		Map<String, IncrementalPlan.Entry> byId = new TreeMap<>();
		entries.forEach((entry) -> byId.put(entry.id(), entry));
		Map<String, Playability> byTrack = new TreeMap<>();
		tracks.forEach((track) -> byTrack.put(track.id(), track.playability()));
		this.jdbc.sql("""
				with listed as (
				  insert into %s (id, added_at)
				  select * from unnest(:ids::text[], :added::timestamptz[])
				  on conflict (id) do update set added_at = excluded.added_at
				)
				insert into %s (track_id, is_playable, reason)
				select * from unnest(:tracks::text[], :playable::boolean[], :reasons::text[])
				on conflict (track_id) do update set is_playable = excluded.is_playable, reason = excluded.reason
				""".formatted(LISTED, AVAILABILITY))
			.param("ids", SqlArrays.of(byId.keySet()))
			.param("added", SqlArrays.column(byId.values(), (entry) -> SqlArrays.instant(entry.addedAt())))
			.param("tracks", SqlArrays.of(byTrack.keySet()))
			.param("playable", SqlArrays.column(byTrack.values(), Playability::playable))
			.param("reasons", SqlArrays.column(byTrack.values(), Playability::reason))
			.update();
	}

}
