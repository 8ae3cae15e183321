package dev.spotifytracker.library;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.Playability;
import dev.spotifytracker.spotify.Track;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a list pass has read from Spotify, page by page, each page committed on its own
 * (one statement, no transaction held across the pass's Spotify calls): the entries (id,
 * added_at) in {@code library_pass_entries} and what the pages said about their tracks'
 * availability in {@code library_pass_availability}. The final merge copies them into
 * temporary tables of its transaction ({@value #LISTED}, {@value #AVAILABILITY}),
 * analysed, so the stored list and availability are brought in step with set-based
 * statements whose plans know the staged rows' size (plans built on guesses turned a
 * first sync quadratic). A pass's rows go with its {@code library_passes} row: at the
 * merge, when it fails, or at the next pass of the same list (a process killed midway).
 */
final class PassStaging {

	static final String LISTED = "sync_listed";

	static final String AVAILABILITY = "sync_availability";

	private final JdbcClient jdbc;

	private final long passId;

	private PassStaging(JdbcClient jdbc, long passId) {
		this.jdbc = jdbc;
		this.passId = passId;
	}

	/**
	 * Starts a pass of the account's list, forgetting what an earlier one left (the job's
	 * lock lets one pass of a list run at a time).
	 */
	static PassStaging begin(JdbcClient jdbc, AccountId account, ListTable list) {
		jdbc.sql("delete from library_passes where account_id = :account and list = :list")
			.param("account", account.value())
			.param("list", list.name())
			.update();
		long passId = jdbc.sql("insert into library_passes (account_id, list) values (:account, :list) returning id")
			.param("account", account.value())
			.param("list", list.name())
			.query(Long.class)
			.single();
		return new PassStaging(jdbc, passId);
	}

	/**
	 * Stages a page's entries, before their catalog rows are written: the catalog cleanup
	 * keeps what a pass in flight has staged.
	 */
	void stageEntries(List<IncrementalPlan.Entry> entries) {
		Map<String, IncrementalPlan.Entry> byId = new TreeMap<>();
		entries.forEach((entry) -> byId.put(entry.id(), entry));
		this.jdbc.sql("""
				insert into library_pass_entries (pass_id, id, added_at)
				select :pass, * from unnest(:ids::text[], :added::timestamptz[])
				on conflict (pass_id, id) do update set added_at = excluded.added_at
				""")
			.param("pass", this.passId)
			.param("ids", SqlArrays.of(byId.keySet()))
			.param("added", SqlArrays.column(byId.values(), (entry) -> SqlArrays.instant(entry.addedAt())))
			.update();
	}

	/**
	 * Stages what a page said about its tracks (a later page's word on a track wins).
	 */
	void stageAvailability(Collection<Track> tracks) {
		Map<String, Playability> byTrack = new TreeMap<>();
		tracks.forEach((track) -> byTrack.put(track.id(), track.playability()));
		this.jdbc
			.sql("""
					insert into library_pass_availability (pass_id, track_id, is_playable, reason)
					select :pass, * from unnest(:tracks::text[], :playable::boolean[], :reasons::text[])
					on conflict (pass_id, track_id) do update set is_playable = excluded.is_playable, reason = excluded.reason
					""")
			.param("pass", this.passId)
			.param("tracks", SqlArrays.of(byTrack.keySet()))
			.param("playable", SqlArrays.column(byTrack.values(), Playability::playable))
			.param("reasons", SqlArrays.column(byTrack.values(), Playability::reason))
			.update();
	}

	/**
	 * Copies the staged rows into {@value #LISTED} and {@value #AVAILABILITY}; call
	 * inside the merge's transaction (the tables disappear at its end).
	 */
	void prepareMerge() {
		this.jdbc.sql("""
				create temporary table if not exists %s (id text primary key, added_at timestamptz not null)
				on commit drop
				""".formatted(LISTED)).update();
		this.jdbc.sql("""
				create temporary table if not exists %s (track_id text primary key, is_playable boolean, reason text)
				on commit drop
				""".formatted(AVAILABILITY)).update();
		this.jdbc.sql("truncate " + LISTED + ", " + AVAILABILITY).update();
		this.jdbc
			.sql("insert into %s (id, added_at) select id, added_at from library_pass_entries where pass_id = ?"
				.formatted(LISTED))
			.param(this.passId)
			.update();
		this.jdbc.sql("""
				insert into %s (track_id, is_playable, reason)
				select track_id, is_playable, reason from library_pass_availability where pass_id = ?
				""".formatted(AVAILABILITY)).param(this.passId).update();
		this.jdbc.sql("analyze " + LISTED + ", " + AVAILABILITY).update();
	}

	/**
	 * Forgets the pass's staged rows: in the merge's transaction, or after a failure.
	 */
	void forget() {
		this.jdbc.sql("delete from library_passes where id = ?").param(this.passId).update();
	}

}
