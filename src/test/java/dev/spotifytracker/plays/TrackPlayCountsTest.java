package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.PlayedTrack;
import dev.spotifytracker.spotify.Track;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.LibraryFixture;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model {@code track_play_counts} reads the per-track rollup, kept by every
 * write of plays: after a poll, an import, hiding, deleting, restoring and a new
 * threshold it says what an aggregate of {@code counted_plays} says, and what a rebuild
 * says; an account whose rollups are not built yet is counted from its plays.
 */
@IntegrationTest
class TrackPlayCountsTest {

	private static final Instant NOON = Instant.parse("2025-05-01T12:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlayWrites writes;

	@Autowired
	PlayCuration curation;

	@Autowired
	PlayRollups rollups;

	@Autowired
	ImportRepository imports;

	@Autowired
	ImportBatchWriter writer;

	@Autowired
	CountingThreshold threshold;

	@Autowired
	PlatformTransactionManager transactionManager;

	private TransactionTemplate transactions;

	private AccountId alice;

	@BeforeEach
	void anAccountWithThreeTracks() {
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.alice = Viewers.owner(this.jdbc, "alice");
		LibraryFixture.of(this.jdbc, this.alice).album("Blue", "Joni", null, "River", "Carey", "Blue");
	}

	@Test
	void aPollCountsItsPlaysWithTheirFirstAndLast() {
		// when
		poll(play("River", NOON), play("River", NOON.plusSeconds(3600)), play("Carey", NOON.plusSeconds(600)));

		// then
		assertThat(trackPlayCounts()).containsExactly(
				"%s 1 2025-05-01 12:10:00+00 2025-05-01 12:10:00+00".formatted(LibraryFixture.id("Carey")),
				"%s 2 2025-05-01 12:00:00+00 2025-05-01 13:00:00+00".formatted(LibraryFixture.id("River")));
		assertTheRollupIsExact();
	}

	@Test
	void anImportOfEarlierAndLaterRowsMovesTheFirstAndLastPlay() {
		// given
		poll(play("River", NOON), play("Carey", NOON.plusSeconds(600)));

		// when: one row merges with the polled River, two are new plays, one is too short
		importRows(row(0, "River", NOON.plusSeconds(20), 200_000), row(1, "River", NOON.minusSeconds(86_400), 200_000),
				row(2, "River", NOON.plusSeconds(86_400), 200_000), row(3, "Carey", NOON.plusSeconds(90_000), 10_000));

		// then
		assertThat(trackPlayCounts()).containsExactly(
				"%s 1 2025-05-01 12:10:00+00 2025-05-01 12:10:00+00".formatted(LibraryFixture.id("Carey")),
				"%s 3 2025-04-30 12:00:00+00 2025-05-02 12:00:00+00".formatted(LibraryFixture.id("River")));
		assertTheRollupIsExact();
	}

	@Test
	void hidingDeletingAndRestoringPlaysMoveTheCountsAndInstants() {
		// given
		poll(play("River", NOON), play("River", NOON.plusSeconds(3600)), play("Carey", NOON.plusSeconds(600)));
		long lastRiver = playId("River", NOON.plusSeconds(3600));
		long carey = playId("Carey", NOON.plusSeconds(600));

		// when: the last River is hidden
		curate(PlayWrites.Curation.HIDE, lastRiver);
		// then
		assertThat(trackPlayCounts())
			.contains("%s 1 2025-05-01 12:00:00+00 2025-05-01 12:00:00+00".formatted(LibraryFixture.id("River")));
		assertTheRollupIsExact();

		// when: Carey's one play is deleted: the track has no row any more
		curate(PlayWrites.Curation.DELETE, carey);
		// then
		assertThat(trackPlayCounts()).noneMatch((row) -> row.startsWith(LibraryFixture.id("Carey")));
		assertTheRollupIsExact();

		// when: both come back
		curate(PlayWrites.Curation.UNHIDE, lastRiver);
		curate(PlayWrites.Curation.RESTORE, carey);
		// then
		assertThat(trackPlayCounts()).containsExactly(
				"%s 1 2025-05-01 12:10:00+00 2025-05-01 12:10:00+00".formatted(LibraryFixture.id("Carey")),
				"%s 2 2025-05-01 12:00:00+00 2025-05-01 13:00:00+00".formatted(LibraryFixture.id("River")));
		assertTheRollupIsExact();
	}

	@Test
	void aNewThresholdCountsShortRowsAndTheirInstants() {
		// given: a short row of Blue, before and after everything else
		poll(play("River", NOON));
		importRows(row(0, "Blue", NOON.minusSeconds(7200), 20_000), row(1, "Blue", NOON.plusSeconds(7200), 20_000),
				row(2, "River", NOON.plusSeconds(600), 200_000));
		assertThat(trackPlayCounts()).noneMatch((row) -> row.startsWith(LibraryFixture.id("Blue")));

		// when
		this.threshold.change(this.alice, "15");

		// then
		assertThat(trackPlayCounts())
			.contains("%s 2 2025-05-01 10:00:00+00 2025-05-01 14:00:00+00".formatted(LibraryFixture.id("Blue")));
		assertTheRollupIsExact();
	}

	@Test
	void anAccountWithoutRollupsIsCountedFromItsPlays() {
		// given: plays stored before the rollups existed (no write of plays since)
		LibraryFixture.of(this.jdbc, this.alice).played("River", NOON, NOON.plusSeconds(60));
		assertThat(this.jdbc.sql("select count(*) from play_rollup_accounts").query(Integer.class).single()).isZero();

		// then
		assertThat(trackPlayCounts()).containsExactly(
				"%s 2 2025-05-01 12:00:00+00 2025-05-01 12:01:00+00".formatted(LibraryFixture.id("River")));
		assertThat(trackPlayCounts()).isEqualTo(countedPlaysPerTrack());

		// when: its first write builds them
		poll(play("Carey", NOON.plusSeconds(600)));

		// then
		assertThat(this.jdbc.sql("select count(*) from play_rollup_accounts").query(Integer.class).single()).isOne();
		assertTheRollupIsExact();
	}

	@Test
	void anAccountWithRollupsIsNotCountedFromItsPlaysAgain() {
		// given
		poll(play("River", NOON), play("Carey", NOON.plusSeconds(600)));

		// when
		String plan = String.join("\n", this.jdbc.sql("""
				explain (analyze, costs off, timing off, summary off)
				select * from track_play_counts where account_id = ?
				""").param(this.alice.value()).query(String.class).list());

		// then: the half that counts plays ran for no play
		assertThat(plan).doesNotContainPattern("Scan .*on plays[^\\n]*\\(actual rows=[1-9]");
		assertThat(plan).contains("play_tracks");
	}

	private void assertTheRollupIsExact() {
		List<String> kept = trackPlayCounts();
		assertThat(kept).isEqualTo(countedPlaysPerTrack());
		this.transactions.executeWithoutResult((status) -> this.rollups.rebuild(this.alice));
		assertThat(trackPlayCounts()).isEqualTo(kept);
	}

	private void poll(PlayedTrack... plays) {
		this.transactions
			.executeWithoutResult((status) -> this.writes.insertRecentlyPlayed(this.alice, List.of(plays)));
	}

	private void importRows(RawRow... rows) {
		long importId = this.imports.create(this.alice, "export.zip", null);
		this.writer.write(this.alice, importId, 30_000, List.of(rows), rows.length, 0,
				Map.of(rows[0].member(), rows.length), Map.of(rows[0].member(), rows[0].format()));
	}

	private void curate(PlayWrites.Curation action, long playId) {
		assertThat(this.curation.curate(this.alice, "alice", action, "play " + playId, new long[] { playId })).isOne();
	}

	private long playId(String track, Instant playedAt) {
		return this.jdbc.sql("select id from plays where track_id = ? and played_at = ?")
			.params(LibraryFixture.id(track), java.sql.Timestamp.from(playedAt))
			.query(Long.class)
			.single();
	}

	private static PlayedTrack play(String track, Instant at) {
		return new PlayedTrack(at,
				new Track(LibraryFixture.id(track), track, 1, 1, 200_000, false, null, List.of(), null, null), null);
	}

	private static RawRow row(int index, String track, Instant ts, int msPlayed) {
		return new RawRow("Streaming_History_Audio_2025.json", index, false, ts, msPlayed, LibraryFixture.id(track),
				track, "Joni", "Blue", "trackdone", "trackdone", false, false, false, null, false);
	}

	/** What the read model says of the account, per track. */
	private List<String> trackPlayCounts() {
		return new ArrayList<>(this.jdbc.sql("""
				select concat_ws(' ', track_id, plays, first_played_at, last_played_at) from track_play_counts
				where account_id = ? order by track_id
				""").param(this.alice.value()).query(String.class).list());
	}

	/** The same, aggregated from every counted play, as the read model did before. */
	private List<String> countedPlaysPerTrack() {
		return this.jdbc.sql("""
				select concat_ws(' ', track_id, count(*), min(played_at), max(played_at)) from counted_plays
				where account_id = ? group by track_id order by track_id
				""").param(this.alice.value()).query(String.class).list();
	}

}
