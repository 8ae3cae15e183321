package dev.spotifytracker.plays;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.LibraryFixture;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.spotifytracker.support.LibraryFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How imported rows become plays (DESIGN.md "Counting"): merged one to one with polled
 * plays within the window, nearest first; added otherwise; never twice.
 */
@IntegrationTest
class ImportMergeTest {

	private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportBatchWriter writer;

	@Autowired
	ImportRepository imports;

	private AccountId account;

	@BeforeEach
	void anAccountWithAnAlbum() {
		this.account = Viewers.owner(this.jdbc, "alice");
		LibraryFixture.of(this.jdbc, this.account).album("Blue", "Joni", null, "River", "Carey", "California");
	}

	@Test
	void aRowFiftyNineSecondsFromAPolledPlayMergesIntoIt() {
		// given
		LibraryFixture.of(this.jdbc, this.account).played("River", T);

		// when
		ImportCounts counts = importRows(extended("River", T.plusSeconds(59), 180_000));

		// then
		assertThat(counts.merged()).isOne();
		assertThat(counts.added()).isZero();
		assertThat(plays()).containsExactly("River " + T + " 180000 recently_played");
	}

	@Test
	void aRowSixtyOneSecondsFromAPolledPlayIsAPlayOfItsOwn() {
		// given
		LibraryFixture.of(this.jdbc, this.account).played("River", T);

		// when
		ImportCounts counts = importRows(extended("River", T.plusSeconds(61), 180_000));

		// then
		assertThat(counts.merged()).isZero();
		assertThat(counts.added()).isOne();
		assertThat(plays()).containsExactly("River " + T + " null recently_played",
				"River " + T.plusSeconds(61) + " 180000 history_import");
	}

	@Test
	void theSameSongTwiceFortyFiveSecondsApartInBothSourcesIsTwoPlays() {
		// given
		LibraryFixture.of(this.jdbc, this.account).played("River", T, T.plusSeconds(45));

		// when: each row is nearer to one polled play than to the other
		ImportCounts counts = importRows(extended("River", T.plusSeconds(2), 40_000),
				extended("River", T.plusSeconds(46), 44_000));

		// then
		assertThat(counts.merged()).isEqualTo(2);
		assertThat(plays()).containsExactly("River " + T + " 40000 recently_played",
				"River " + T.plusSeconds(45) + " 44000 recently_played");
	}

	@Test
	void onePolledPlayAbsorbsOnlyTheNearestOfTwoRows() {
		// given
		LibraryFixture.of(this.jdbc, this.account).played("River", T);

		// when
		ImportCounts counts = importRows(extended("River", T.minusSeconds(40), 35_000),
				extended("River", T.plusSeconds(10), 50_000));

		// then
		assertThat(counts.merged()).isOne();
		assertThat(counts.added()).isOne();
		assertThat(plays()).containsExactly("River " + T.minusSeconds(40) + " 35000 history_import",
				"River " + T + " 50000 recently_played");
	}

	@Test
	void aShortRowIsKeptAsEvidenceButNeverAbsorbsAPolledPlay() {
		// given
		LibraryFixture.of(this.jdbc, this.account).played("River", T);

		// when
		ImportCounts counts = importRows(extended("River", T.plusSeconds(5), 12_000, "fwdbtn"));

		// then
		assertThat(counts.shortRows()).isOne();
		assertThat(plays()).containsExactly("River " + T + " null recently_played");
		assertThat(this.jdbc.sql("select skips from track_skip_counts where track_id = ?")
			.param(id("River"))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void anIncognitoRowIsKeptAndNeverAPlay() {
		// when
		ImportCounts counts = importRows(new RawRow("a.json", 0, false, T, 200_000, id("River"), "River", "Joni",
				"Blue", null, "trackdone", false, false, false, null, true));

		// then
		assertThat(counts.incognito()).isOne();
		assertThat(plays()).isEmpty();
		assertThat(outcomes()).containsExactly("incognito");
	}

	@Test
	void aLocalFileWithoutAUriIsKeptAndNeverAPlay() {
		// when
		ImportCounts counts = importRows(new RawRow("a.json", 0, false, T, 200_000, null, "My Demo", "Me", "Tapes",
				null, "trackdone", false, false, false, null, false));

		// then
		assertThat(counts.noUri()).isOne();
		assertThat(plays()).isEmpty();
	}

	@Test
	void importingTheSameRowsAgainChangesNothing() {
		// given
		LibraryFixture.of(this.jdbc, this.account).played("River", T);
		RawRow[] rows = { extended("River", T.plusSeconds(30), 180_000), extended("Carey", T.plusSeconds(400), 90_000),
				extended("Carey", T.plusSeconds(500), 5_000) };
		importRows(rows);
		List<String> before = plays();

		// when
		ImportCounts again = importRows(rows);

		// then
		assertThat(again.added()).isZero();
		assertThat(again.merged()).isZero();
		assertThat(again.known()).isEqualTo(3);
		assertThat(plays()).isEqualTo(before).hasSize(2);
	}

	@Test
	void anUnknownTrackGetsAStubEntryUnderTheExportsNamesWithoutSpotify() {
		// when
		importRows(new RawRow("a.json", 0, false, T, 200_000, "0123456789abcdefghijkl", "Woodstock", "Joni Mitchell",
				"Ladies of the Canyon", null, "trackdone", false, false, false, null, false));

		// then
		assertThat(this.jdbc.sql("""
				select t.track_name || ' / ' || t.album_name || ' / ' || a.artist_name
				from catalog_tracks t join catalog_track_artists a on a.track_id = t.track_id
				where t.track_id = '0123456789abcdefghijkl'
				""").query(String.class).single()).isEqualTo("Woodstock / Ladies of the Canyon / Joni Mitchell");
	}

	@Test
	void aStubNeverOverwritesARealCatalogEntry() {
		// when
		importRows(new RawRow("a.json", 0, false, T, 200_000, id("River"), "River (Remastered)", "Someone Else",
				"Other Album", null, "trackdone", false, false, false, null, false));

		// then
		assertThat(this.jdbc.sql("select track_name || ' / ' || album_name from catalog_tracks where track_id = ?")
			.param(id("River"))
			.query(String.class)
			.single()).isEqualTo("River / Blue");
	}

	@Test
	void aRowOfAnotherExportWithTheTrackAndEndOfAnImportedPlayIsThatPlay() {
		// given: a play imported from an extended row
		LibraryFixture.of(this.jdbc, this.account).played("River", T);
		importRows(extended("Carey", T.plusSeconds(400), 90_000));
		List<String> before = plays();

		// when: another export tells of the same stream (same track, same end) a little
		// differently, so it is no duplicate of the stored row
		ImportCounts counts = importRows(extended("Carey", T.plusSeconds(400), 91_000));

		// then: it is that play, linked to it, and adds nothing
		assertThat(counts.known()).isOne();
		assertThat(counts.added()).isZero();
		assertThat(counts.merged()).isZero();
		assertThat(plays()).isEqualTo(before);
		assertThat(playOfLastRow()).isEqualTo(playAt("Carey", T.plusSeconds(400)));
	}

	@Test
	void anAccountDataRowOfStreamsAnExtendedImportHadIsTheNearestOfThosePlays() {
		// given: two plays of one track imported from extended rows, 80 s apart
		LibraryFixture.of(this.jdbc, this.account).played("California", T);
		importRows(extended("California", T.plusSeconds(3_610), 200_000),
				extended("California", T.plusSeconds(3_690), 200_000));
		List<String> before = plays();

		// when: the account-data export ends a stream of it within the minute between
		// them, 50 s after the first and 30 s before the second
		ImportCounts counts = importRows(named("California", "Joni", T.plusSeconds(3_660), 200_000));

		// then: it is the nearest of the two plays, and adds nothing
		assertThat(counts.known()).isOne();
		assertThat(counts.added()).isZero();
		assertThat(plays()).isEqualTo(before);
		assertThat(playOfLastRow()).isEqualTo(playAt("California", T.plusSeconds(3_690)));
	}

	@Test
	void anAccountDataRowMeetsThePlayOfItsStreamFourMinutesFromWhenItWasPlayed() {
		// given: an account-data row two minutes before a polled play, merged into it
		LibraryFixture.of(this.jdbc, this.account).played("California", T);
		importRows(named("California", "Joni", T.minusSeconds(120), 200_000));
		List<String> before = plays();

		// when: a second export ends the stream 119 s before that row, so 239 s before
		// the play: within the minute-row window of the row's time, the farthest a row
		// can be from the time its stream was played
		ImportCounts counts = importRows(named("California", "Joni", T.minusSeconds(239), 199_000));

		// then
		assertThat(counts.known()).isOne();
		assertThat(counts.added()).isZero();
		assertThat(plays()).isEqualTo(before);
	}

	@Test
	void anAccountDataRowIsResolvedByNamesWithoutSuffixesAndMergesWithinTwoMinutes() {
		// given
		LibraryFixture.of(this.jdbc, this.account).played("California", T);

		// when
		ImportCounts counts = importRows(named("California - 2021 Remaster", "joni", T.plusSeconds(100), 200_000),
				named("Carey (feat. Nobody)", "Joni", T.plusSeconds(900), 180_000),
				named("Unheard Song", "Joni", T.plusSeconds(1500), 180_000));

		// then
		assertThat(counts.merged()).isOne();
		assertThat(counts.added()).isOne();
		assertThat(counts.unresolved()).isOne();
		assertThat(plays()).containsExactly("California " + T + " 200000 recently_played",
				"Carey " + T.plusSeconds(900) + " 180000 history_import");
	}

	@Test
	void aPlayBelowTheAccountsThresholdIsNoPlay() {
		// given
		this.jdbc.sql("insert into play_settings (account_id, min_play_ms) values (?, 60000)")
			.param(this.account.value())
			.update();

		// when
		ImportCounts counts = importRows(extended("River", T, 45_000));

		// then
		assertThat(counts.shortRows()).isOne();
		assertThat(plays()).isEmpty();
	}

	@Test
	void aBatchThatFindsAnEarlierBatchOfItsRunLostWritesNothing() {
		// given: the run committed 10 rows read; the database, restarted, holds none
		long importId = this.imports.create(this.account, "export.zip", null);
		RawRow row = extended("River", T, 180_000);

		// when / then
		assertThatThrownBy(() -> this.writer.write(this.account, importId, 30_000, List.of(row), 1, 0,
				Map.of(row.member(), 1), Map.of(row.member(), row.format()), false, 10))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("was lost");
		assertThat(plays()).isEmpty();
		assertThat(outcomes()).isEmpty();
		assertThat(this.imports.rowsDone(importId)).isEmpty();
	}

	private ImportCounts importRows(RawRow... rows) {
		long importId = this.imports.create(this.account, "export.zip", null);
		Map<String, Integer> checkpoints = new HashMap<>();
		Map<String, String> formats = new HashMap<>();
		for (RawRow row : rows) {
			checkpoints.merge(row.member(), row.index() + 1, Math::max);
			formats.put(row.member(), row.format());
		}
		int threshold = this.jdbc
			.sql("select coalesce(max(min_play_ms), 30000) from play_settings where account_id = ?")
			.param(this.account.value())
			.query(Integer.class)
			.single();
		return this.writer.write(this.account, importId, threshold, List.of(rows), rows.length, 0, checkpoints,
				formats);
	}

	private int index;

	private RawRow extended(String track, Instant ts, long ms) {
		return extended(track, ts, ms, "trackdone");
	}

	private RawRow extended(String track, Instant ts, long ms, String reasonEnd) {
		return new RawRow("Streaming_History_Audio_2025.json", this.index++, false, ts, ms, id(track), track, "Joni",
				"Blue", "clickrow", reasonEnd, false, "fwdbtn".equals(reasonEnd), false, null, false);
	}

	private RawRow named(String track, String artist, Instant ts, long ms) {
		return new RawRow("StreamingHistory_music_0.json", this.index++, true, ts, ms, null, track, artist, null, null,
				null, null, null, null, null, false);
	}

	/**
	 * @return each counted play as "track played_at ms_played source", oldest first
	 */
	private List<String> plays() {
		return this.jdbc.sql("""
				select t.track_name || ' ' || to_char(p.played_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
				       || ' ' || coalesce(p.ms_played::text, 'null') || ' ' || p.source
				from counted_plays p join catalog_tracks t on t.track_id = p.track_id
				where p.account_id = ? order by p.played_at, p.id
				""").param(this.account.value()).query(String.class).list();
	}

	private long playOfLastRow() {
		return this.jdbc.sql("select play_id from import_rows order by id desc limit 1").query(Long.class).single();
	}

	private long playAt(String track, Instant playedAt) {
		return this.jdbc.sql("select id from plays where account_id = ? and track_id = ? and played_at = ?")
			.param(this.account.value())
			.param(id(track))
			.param(java.sql.Timestamp.from(playedAt))
			.query(Long.class)
			.single();
	}

	private List<String> outcomes() {
		return this.jdbc.sql("select outcome from import_rows order by id").query(String.class).list();
	}

}
