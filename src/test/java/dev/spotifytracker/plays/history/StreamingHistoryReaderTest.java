package dev.spotifytracker.plays.history;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spotifytracker.plays.history.HistoryFiles.bytesMember;
import static dev.spotifytracker.plays.history.HistoryFiles.member;
import static dev.spotifytracker.plays.history.HistoryFiles.zip;
import static dev.spotifytracker.plays.history.HistoryRow.accountDataRow;
import static dev.spotifytracker.plays.history.HistoryRow.extendedRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reading rows from well-formed exports: fields, formats, kinds and which files count.
 */
class StreamingHistoryReaderTest {

	private static final String EXTENDED = "Spotify Extended Streaming History/Streaming_History_Audio_2021_0.json";

	private final StreamingHistoryReader reader = new StreamingHistoryReader();

	@TempDir
	Path dir;

	@Test
	void anExtendedRowIsReadFieldByField() {
		// given
		Path file = zip(this.dir.resolve("my_spotify_data.zip"),
				member(EXTENDED,
						extendedRow().with("reason_start", "clickrow")
							.with("reason_end", "fwdbtn")
							.with("shuffle", true)
							.with("skipped", true)
							.with("offline", true)
							.with("offline_timestamp", 1_614_881_700_123L)
							.with("incognito_mode", false)));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "my_spotify_data.zip", rows::add);

		// then
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.member()).isEqualTo(EXTENDED);
			assertThat(row.index()).isZero();
			assertThat(row.format()).isEqualTo(ExportFormat.EXTENDED);
			assertThat(row.playedAt()).isEqualTo(Instant.parse("2021-03-04T18:22:07Z"));
			assertThat(row.msPlayed()).isEqualTo(213_000);
			assertThat(row.startedAt()).isEqualTo(Instant.parse("2021-03-04T18:18:34Z"));
			assertThat(row.kind()).isEqualTo(RowKind.TRACK);
			assertThat(row.trackId()).isEqualTo("4uLU6hMCjMI75M1A2tKUQC");
			assertThat(row.trackName()).isEqualTo("Harbor Lights");
			assertThat(row.artistName()).isEqualTo("Mara Lind");
			assertThat(row.albumName()).isEqualTo("Northern Shore");
			assertThat(row.reasonStart()).isEqualTo("clickrow");
			assertThat(row.reasonEnd()).isEqualTo("fwdbtn");
			assertThat(row.shuffle()).isTrue();
			assertThat(row.skipped()).isTrue();
			assertThat(row.offline()).isTrue();
			assertThat(row.offlineTimestamp()).isEqualTo(Instant.ofEpochMilli(1_614_881_700_123L));
			assertThat(row.incognito()).isFalse();
			assertThat(row.episodeName()).isNull();
			assertThat(row.audiobookUri()).isNull();
		});
		assertThat(summary.members()).containsExactly(new MemberOutcome(EXTENDED, ExportFormat.EXTENDED, 1, 0, null));
	}

	@Test
	void personalFieldsAreNeverKept() throws Exception {
		// given: a row with every personal field Spotify has written over the years
		Path file = HistoryFiles.jsonFile(this.dir.resolve("Streaming_History_Audio_2021_0.json"), extendedRow());

		// when
		List<ExportRow> rows = new ArrayList<>();
		this.reader.read(file, "Streaming_History_Audio_2021_0.json", rows::add);

		// then: no component is named after one, and none holds one's value
		List<String> personal = List.of(HistoryRow.USERNAME, HistoryRow.PLATFORM, HistoryRow.COUNTRY,
				HistoryRow.IP_ADDRESS, HistoryRow.USER_AGENT);
		assertThat(rows).hasSize(1);
		assertThat(ExportRow.class.getRecordComponents()).extracting((component) -> component.getName().toLowerCase())
			.doesNotContain("ipaddr", "ipaddrdecrypted", "username", "conncountry", "country", "useragentdecrypted",
					"useragent", "platform");
		for (RecordComponent component : ExportRow.class.getRecordComponents()) {
			assertThat(component.getAccessor().invoke(rows.get(0))).isNotIn(personal.toArray());
		}
	}

	@Test
	void anAccountDataRowHasItsNamesAndAMinutePreciseEndTime() {
		// given
		Path file = zip(this.dir.resolve("my_spotify_data.zip"),
				member("MyData/StreamingHistory_music_0.json", accountDataRow()));

		// when
		List<ExportRow> rows = new ArrayList<>();
		this.reader.read(file, "my_spotify_data.zip", rows::add);

		// then
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.format()).isEqualTo(ExportFormat.ACCOUNT_DATA);
			assertThat(row.kind()).isEqualTo(RowKind.NAMED);
			assertThat(row.playedAt()).isEqualTo(Instant.parse("2021-03-04T18:22:00Z"));
			assertThat(row.msPlayed()).isEqualTo(213_000);
			assertThat(row.artistName()).isEqualTo("Mara Lind");
			assertThat(row.trackName()).isEqualTo("Harbor Lights");
			assertThat(row.trackId()).isNull();
			assertThat(row.albumName()).isNull();
		});
	}

	@Test
	void videoHistoryAndThePdfAreSkippedAndListed() {
		// given
		String video = "Spotify Extended Streaming History/Streaming_History_Video_2019-2020.json";
		String readMe = "Spotify Extended Streaming History/ReadMeFirst_ExtendedStreamingHistory.pdf";
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member(EXTENDED, extendedRow()),
				member(video, extendedRow()), bytesMember(readMe, "%PDF-1.4".getBytes()));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "my_spotify_data.zip", rows::add);

		// then
		assertThat(rows).extracting(ExportRow::member).containsExactly(EXTENDED);
		assertThat(summary.skipped()).containsExactly(video, readMe);
	}

	@Test
	void historyFilesAreFoundByNameInAnyCaseAndFolder() {
		// given
		Path file = zip(this.dir.resolve("export.zip"),
				member("a/b/STREAMING_HISTORY_AUDIO_2020_3.JSON", extendedRow()),
				member("streaminghistory_MUSIC_1.json", accountDataRow()),
				member("Spotify Account Data/StreamingHistory_podcast_0.json", accountDataRow()),
				member("Spotify Account Data/Userdata.json", extendedRow()));

		// when
		ExportContents contents = this.reader.inspect(file, "export.zip");

		// then
		assertThat(contents.members()).extracting(ExportMember::name, ExportMember::format)
			.containsExactly(tuple("a/b/STREAMING_HISTORY_AUDIO_2020_3.JSON", ExportFormat.EXTENDED),
					tuple("streaminghistory_MUSIC_1.json", ExportFormat.ACCOUNT_DATA));
		assertThat(contents.skipped()).containsExactly("Spotify Account Data/StreamingHistory_podcast_0.json",
				"Spotify Account Data/Userdata.json");
	}

	@Test
	void endsongFilesOfOlderExportsAreExtendedHistory() {
		// given
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member("MyData/endsong_0.json", extendedRow()),
				member("MyData/endsong_1.json", extendedRow()));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "my_spotify_data.zip", rows::add);

		// then
		assertThat(summary.members()).extracting(MemberOutcome::name)
			.containsExactly("MyData/endsong_0.json", "MyData/endsong_1.json");
		assertThat(rows).extracting(ExportRow::format).containsOnly(ExportFormat.EXTENDED).hasSize(2);
	}

	@Test
	void streamingHistoryWithANumberIsAccountData() {
		// given: the account data's name before Spotify split music from podcasts
		Path file = zip(this.dir.resolve("my_spotify_data.zip"),
				member("MyData/StreamingHistory0.json", accountDataRow()),
				member("MyData/StreamingHistory12.json", accountDataRow(), accountDataRow()));

		// when
		ExportSummary summary = this.reader.read(file, "my_spotify_data.zip", (row) -> {
		});

		// then
		assertThat(summary.members()).extracting(MemberOutcome::format, MemberOutcome::rows)
			.containsExactly(tuple(ExportFormat.ACCOUNT_DATA, 1), tuple(ExportFormat.ACCOUNT_DATA, 2));
	}

	@Test
	void aLooseJsonFileIsReadWhateverItsNameInTheFormatItsRowsSay() {
		// given: account-data rows under a name that says nothing
		Path file = HistoryFiles.jsonFile(this.dir.resolve("upload-1234.tmp"), accountDataRow(), accountDataRow());

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "my history.json", rows::add);

		// then
		assertThat(summary.members())
			.containsExactly(new MemberOutcome("my history.json", ExportFormat.ACCOUNT_DATA, 2, 0, null));
		assertThat(rows).extracting(ExportRow::member, ExportRow::index)
			.containsExactly(tuple("my history.json", 0), tuple("my history.json", 1));
	}

	@Test
	void aLooseFileIsNamedWithoutTheFoldersABrowserMaySend() {
		Path file = HistoryFiles.jsonFile(this.dir.resolve("upload.tmp"), extendedRow());

		ExportContents contents = this.reader.inspect(file, "C:\\fakepath\\endsong_3.json");

		assertThat(contents.members()).extracting(ExportMember::name).containsExactly("endsong_3.json");
	}

	@Test
	void anEmptyListIsAFileWithoutRows() {
		// given
		Path file = HistoryFiles.textFile(this.dir.resolve("Streaming_History_Audio_2024_9.json"), "[ ]");

		// when
		ExportSummary summary = this.reader.read(file, "Streaming_History_Audio_2024_9.json", (row) -> {
		});

		// then
		assertThat(summary.members()).containsExactly(
				new MemberOutcome("Streaming_History_Audio_2024_9.json", ExportFormat.EXTENDED, 0, 0, null));
	}

	@Test
	void episodesAudiobooksAndRowsWithoutAUriGetTheirKind() {
		// given
		Path file = HistoryFiles.jsonFile(this.dir.resolve("history.json"), extendedRow(),
				extendedRow().episode("Episode 4", "The Daily Loop", "spotify:episode:5Xt5DXGzch68nYYamXrNxZ"),
				extendedRow().audiobook("The Long Voyage", "spotify:show:7iHfbu1YPACw6oZPAFJtqe",
						"spotify:episode:0Q86acNRm6V9GYx55SXKwf", "Chapter 3"),
				extendedRow().track(null, "Demo Tape 1", "Garage Band", "Basement Sessions"),
				extendedRow().with("spotify_track_uri", "spotify:local:Garage+Band:Basement:Demo+Tape:215"),
				extendedRow().with("spotify_track_uri", "spotify:track:too-short"));

		// when
		List<ExportRow> rows = new ArrayList<>();
		this.reader.read(file, "history.json", rows::add);

		// then
		assertThat(rows).extracting(ExportRow::kind)
			.containsExactly(RowKind.TRACK, RowKind.EPISODE, RowKind.AUDIOBOOK, RowKind.NO_URI, RowKind.NO_URI,
					RowKind.NO_URI);
		assertThat(rows).filteredOn((row) -> row.kind() != RowKind.TRACK)
			.extracting(ExportRow::trackId)
			.containsOnlyNulls();
		assertThat(rows.get(1)).extracting(ExportRow::episodeName, ExportRow::episodeShowName, ExportRow::episodeUri)
			.containsExactly("Episode 4", "The Daily Loop", "spotify:episode:5Xt5DXGzch68nYYamXrNxZ");
		assertThat(rows.get(2))
			.extracting(ExportRow::audiobookTitle, ExportRow::audiobookUri, ExportRow::audiobookChapterUri,
					ExportRow::audiobookChapterTitle)
			.containsExactly("The Long Voyage", "spotify:show:7iHfbu1YPACw6oZPAFJtqe",
					"spotify:episode:0Q86acNRm6V9GYx55SXKwf", "Chapter 3");
		assertThat(rows.get(3).trackName()).isEqualTo("Demo Tape 1");
	}

	@Test
	void fieldsOldExportsLeaveOutOrWriteOtherwiseAreReadAsTheyMean() {
		// given: only the two required fields and unknown ones, then values in the shapes
		// older exports use
		Path file = HistoryFiles.jsonFile(this.dir.resolve("endsong_0.json"),
				HistoryRow.emptyRow()
					.with("ts", "2014-06-01T08:00:00Z")
					.with("ms_played", 45_000)
					.with("extra", Map.of("a", List.of(1, Map.of())))
					.with("unknown_list", List.of(1, List.of("x"), "y")),
				extendedRow().with("ms_played", "61000")
					.with("skipped", null)
					.with("shuffle", 1)
					.with("offline", "false")
					.with("offline_timestamp", 1_614_881_914L)
					.with("incognito_mode", null),
				extendedRow().with("offline_timestamp", 0).with("ms_played", 12_345.0));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "endsong_0.json", rows::add);

		// then
		assertThat(summary.badRows()).isZero();
		assertThat(rows.get(0)).satisfies((row) -> {
			assertThat(row.playedAt()).isEqualTo(Instant.parse("2014-06-01T08:00:00Z"));
			assertThat(row.msPlayed()).isEqualTo(45_000);
			assertThat(row.kind()).isEqualTo(RowKind.NO_URI);
			assertThat(row.trackName()).isNull();
			assertThat(row.skipped()).isNull();
			assertThat(row.incognito()).isNull();
		});
		assertThat(rows.get(1)).satisfies((row) -> {
			assertThat(row.msPlayed()).isEqualTo(61_000);
			assertThat(row.skipped()).isNull();
			assertThat(row.shuffle()).isTrue();
			assertThat(row.offline()).isFalse();
			assertThat(row.offlineTimestamp()).isEqualTo(Instant.ofEpochSecond(1_614_881_914L));
			assertThat(row.incognito()).isNull();
		});
		assertThat(rows.get(2)).satisfies((row) -> {
			assertThat(row.msPlayed()).isEqualTo(12_345);
			assertThat(row.offlineTimestamp()).isNull();
		});
	}

	@Test
	void rowsWithABadEndTimeOrPlayLengthAreLeftOutAndCountedWhileIndexesKeepCounting() {
		// given
		Path file = HistoryFiles.jsonFile(this.dir.resolve("Streaming_History_Audio_2021_0.json"),
				extendedRow().ts("2021-03-04T18:00:00Z"), extendedRow().ts("yesterday"), extendedRow().ts(null),
				extendedRow().with("ms_played", -1), extendedRow().without("ms_played"),
				extendedRow().ts("2021-02-30T10:00:00Z"), extendedRow().ts("2021-03-04T18:30:00Z"));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "Streaming_History_Audio_2021_0.json", rows::add);

		// then
		assertThat(rows).extracting(ExportRow::index).containsExactly(0, 6);
		assertThat(summary.members()).singleElement()
			.extracting(MemberOutcome::rows, MemberOutcome::badRows, MemberOutcome::isBroken)
			.containsExactly(2, 5, false);
	}

	@Test
	void accountDataRowsWithABadEndTimeOrPlayLengthAreLeftOutAndCounted() {
		// given
		Path file = HistoryFiles.jsonFile(this.dir.resolve("StreamingHistory0.json"), accountDataRow(),
				accountDataRow().with("endTime", "2021-03-04T18:22"), accountDataRow().with("msPlayed", -5),
				accountDataRow().with("endTime", "2021-03-04 18:22:30"));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "StreamingHistory0.json", rows::add);

		// then
		assertThat(rows).extracting(ExportRow::index).containsExactly(0, 3);
		assertThat(rows.get(1).playedAt()).isEqualTo(Instant.parse("2021-03-04T18:22:30Z"));
		assertThat(summary.badRows()).isEqualTo(2);
	}

	@Test
	void entriesThatAreNotObjectsAreBadRows() {
		// given
		Path file = HistoryFiles.textFile(this.dir.resolve("endsong_0.json"),
				HistoryFiles.jsonList(extendedRow(), 42, "x", List.of(1, 2), null, extendedRow()));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "endsong_0.json", rows::add);

		// then
		assertThat(rows).extracting(ExportRow::index).containsExactly(0, 5);
		assertThat(summary.badRows()).isEqualTo(4);
	}

	@Test
	void countingGoesThroughAsManyRowsAsReading() {
		// given: good rows, bad rows, and a file that breaks off
		Path file = zip(this.dir.resolve("my_spotify_data.zip"),
				member("Streaming_History_Audio_2020_0.json", extendedRow(), extendedRow().ts("bad"), extendedRow()),
				member("StreamingHistory_music_0.json", accountDataRow(), accountDataRow()),
				HistoryFiles.textMember("Streaming_History_Audio_2021_1.json",
						HistoryFiles.json(extendedRow(), extendedRow(), extendedRow()).substring(0, 1200)));

		// when
		long counted = this.reader.countRows(file);
		ExportSummary summary = this.reader.read(file, "my_spotify_data.zip", (row) -> {
		});

		// then
		assertThat(summary.brokenMembers()).hasSize(1);
		assertThat(counted).isEqualTo(summary.rows() + summary.badRows());
	}

	@Test
	void whatTheSinkThrowsStopsTheReadAndReachesTheCaller() {
		// given
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member(EXTENDED, extendedRow(), extendedRow()),
				member("Streaming_History_Audio_2022_1.json", extendedRow()));
		IllegalStateException databaseDown = new IllegalStateException("database down");
		List<ExportRow> rows = new ArrayList<>();

		// when / then
		assertThatThrownBy(() -> this.reader.read(file, "my_spotify_data.zip", (row) -> {
			rows.add(row);
			throw databaseDown;
		})).isSameAs(databaseDown);
		assertThat(rows).hasSize(1);
	}

	@Test
	void theSinkHearsWhenEachFileStartsAndEnds() {
		// given
		String second = "Streaming_History_Audio_2022_1.json";
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member(EXTENDED, extendedRow()),
				member(second, extendedRow()));
		List<String> events = new ArrayList<>();

		// when
		this.reader.read(file, "my_spotify_data.zip", new RowSink() {

			@Override
			public void accept(ExportRow row) {
				events.add("row " + row.member());
			}

			@Override
			public void memberStarted(ExportMember member) {
				events.add("start " + member.name());
			}

			@Override
			public void memberEnded(MemberOutcome outcome) {
				events.add("end " + outcome.name() + " " + outcome.rows());
			}

		});

		// then
		assertThat(events).containsExactly("start " + EXTENDED, "row " + EXTENDED, "end " + EXTENDED + " 1",
				"start " + second, "row " + second, "end " + second + " 1");
	}

	@Test
	void inspectingListsTheFilesWithTheirDeclaredSizeWithoutReadingRows() {
		// given
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member(EXTENDED, extendedRow()));
		long size = HistoryFiles.json(extendedRow()).length();

		// when
		ExportContents contents = this.reader.inspect(file, "my_spotify_data.zip");

		// then
		assertThat(contents.members()).containsExactly(new ExportMember(EXTENDED, ExportFormat.EXTENDED, size));
		assertThat(contents.skipped()).isEmpty();
	}

}
