package dev.spotifytracker.plays.history;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated export is what the tests and benchmarks take it for.
 */
class StreamingHistoryExportTest {

	private final StreamingHistoryReader reader = new StreamingHistoryReader();

	@TempDir
	Path dir;

	@Test
	void theSameSettingsAndSeedWriteTheSameBytes() throws IOException {
		// given
		StreamingHistoryExport export = StreamingHistoryExport.extended()
			.seed(42)
			.rows(2_000)
			.files(3)
			.withOtherFiles();

		// when
		Path first = export.writeZip(this.dir.resolve("a.zip")).file();
		Path second = export.writeZip(this.dir.resolve("b.zip")).file();

		// then
		assertThat(Files.mismatch(first, second)).isEqualTo(-1);
	}

	@Test
	void aGeneratedExportReadsBackAsItWasWritten() {
		// given
		StreamingHistoryExport.Written written = StreamingHistoryExport.extended()
			.seed(7)
			.rows(5_000)
			.files(3)
			.distinctTracks(300)
			.between(Instant.parse("2019-06-01T00:00:00Z"), Duration.ofDays(730))
			.withOtherFiles()
			.writeZip(this.dir.resolve("my_spotify_data.zip"));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(written.file(), "my_spotify_data.zip", rows::add);

		// then
		assertThat(written.historyFiles()).containsExactly(
				"Spotify Extended Streaming History/Streaming_History_Audio_2019-2020_0.json",
				"Spotify Extended Streaming History/Streaming_History_Audio_2020_1.json",
				"Spotify Extended Streaming History/Streaming_History_Audio_2020-2021_2.json");
		assertThat(summary.members()).extracting(MemberOutcome::name).containsExactlyElementsOf(written.historyFiles());
		assertThat(summary.skipped()).containsExactlyElementsOf(written.otherFiles())
			.anyMatch((name) -> name.contains("Streaming_History_Video_"))
			.anyMatch((name) -> name.endsWith(".pdf"));
		assertThat(summary.badRows()).isZero();
		assertThat(rows).hasSize(5_000);
		assertThat(kinds(rows)).isEqualTo(written.kinds())
			.containsKeys(RowKind.TRACK, RowKind.EPISODE, RowKind.AUDIOBOOK, RowKind.NO_URI);
		List<String> trackIds = rows.stream()
			.filter((row) -> row.kind() == RowKind.TRACK)
			.map(ExportRow::trackId)
			.toList();
		assertThat(trackIds).allMatch((id) -> id.matches("[0-9A-Za-z]{22}"));
		assertThat(new HashSet<>(trackIds)).hasSize(written.tracksPlayed())
			.containsExactlyInAnyOrderElementsOf(ids(StreamingHistoryExport.extended().seed(7).distinctTracks(300)));
		assertThat(rows).filteredOn((row) -> row.kind() == RowKind.TRACK && row.msPlayed() < 30_000)
			.hasSize(written.shortTrackRows());
		assertThat(rows).filteredOn(ExportRow::incognito).hasSize(written.incognitoRows()).isNotEmpty();
		assertThat(rows)
			.filteredOn((row) -> row.kind() == RowKind.TRACK && !row.incognito() && row.msPlayed() >= 30_000)
			.hasSize(written.countedPlays());
		assertThat(rows).extracting(ExportRow::playedAt).isSorted();
		assertThat(rows.get(0).playedAt()).isEqualTo(written.firstPlayedAt());
		assertThat(rows.get(rows.size() - 1).playedAt()).isEqualTo(written.lastPlayedAt())
			.isBeforeOrEqualTo(Instant.parse("2021-06-01T00:00:00Z"));
	}

	@Test
	void aGeneratedExportPlaysEveryTrackOfItsCatalog() {
		// given
		StreamingHistoryExport export = StreamingHistoryExport.extended().seed(3).rows(1_000).distinctTracks(400);

		// when
		StreamingHistoryExport.Written written = export.writeJson(this.dir.resolve("endsong_0.json"));

		// then
		assertThat(written.tracksPlayed()).isEqualTo(400);
		assertThat(export.tracks()).hasSize(400).extracting(StreamingHistoryExport.Track::id).doesNotHaveDuplicates();
	}

	@Test
	void generatedRowsCarryThePersonalFieldsAndTheReaderDropsThem() throws Exception {
		// given
		Path file = StreamingHistoryExport.extended()
			.seed(11)
			.rows(500)
			.writeJson(this.dir.resolve("Streaming_History_Audio_2023_0.json"))
			.file();

		// when
		List<ExportRow> rows = new ArrayList<>();
		this.reader.read(file, "Streaming_History_Audio_2023_0.json", rows::add);

		// then: the file holds them, the rows do not
		String text = Files.readString(file);
		assertThat(text).contains("\"username\":\"listener-", "\"ip_addr\":\"203.0.113.", "\"conn_country\":",
				"\"platform\":", "\"user_agent_decrypted\":");
		Set<Object> values = new HashSet<>();
		for (ExportRow row : rows) {
			for (RecordComponent component : ExportRow.class.getRecordComponents()) {
				values.add(component.getAccessor().invoke(row));
			}
		}
		assertThat(values).filteredOn(String.class::isInstance)
			.noneMatch((value) -> StreamingHistoryExport.isPersonal((String) value));
	}

	@Test
	void anAccountDataExportHoldsNamedRowsAndTheUsualOtherFiles() {
		// given
		StreamingHistoryExport.Written written = StreamingHistoryExport.accountData()
			.seed(5)
			.rows(300)
			.files(2)
			.withOtherFiles()
			.writeZip(this.dir.resolve("my_spotify_data.zip"));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(written.file(), "my_spotify_data.zip", rows::add);

		// then
		assertThat(summary.members()).extracting(MemberOutcome::name)
			.containsExactly("Spotify Account Data/StreamingHistory_music_0.json",
					"Spotify Account Data/StreamingHistory_music_1.json");
		assertThat(summary.skipped()).contains("Spotify Account Data/StreamingHistory_podcast_0.json",
				"Spotify Account Data/Userdata.json");
		assertThat(rows).hasSize(300).allSatisfy((row) -> {
			assertThat(row.kind()).isEqualTo(RowKind.NAMED);
			assertThat(row.playedAt().getEpochSecond() % 60).isZero();
			assertThat(row.trackName()).isNotBlank();
			assertThat(row.artistName()).isNotBlank();
		});
	}

	private static Map<RowKind, Integer> kinds(List<ExportRow> rows) {
		Map<RowKind, Integer> kinds = new EnumMap<>(RowKind.class);
		rows.forEach((row) -> kinds.merge(row.kind(), 1, Integer::sum));
		return kinds;
	}

	private static List<String> ids(StreamingHistoryExport export) {
		return export.tracks().stream().map(StreamingHistoryExport.Track::id).toList();
	}

}
