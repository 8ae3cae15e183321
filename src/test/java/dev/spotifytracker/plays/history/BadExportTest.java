package dev.spotifytracker.plays.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spotifytracker.plays.history.HistoryFiles.member;
import static dev.spotifytracker.plays.history.HistoryFiles.textMember;
import static dev.spotifytracker.plays.history.HistoryFiles.zip;
import static dev.spotifytracker.plays.history.HistoryRow.extendedRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the reader refuses outright, and how a broken file of an export is reported while
 * the others are read.
 */
class BadExportTest {

	private static final String FIRST = "Spotify Extended Streaming History/Streaming_History_Audio_2020_0.json";

	private static final String SECOND = "Spotify Extended Streaming History/Streaming_History_Audio_2021_1.json";

	private final StreamingHistoryReader reader = new StreamingHistoryReader();

	@TempDir
	Path dir;

	@Test
	void aFileThatIsNeitherAZipNorJsonIsRejected() {
		// given
		Path file = HistoryFiles.textFile(this.dir.resolve("ReadMeFirst.pdf"), "%PDF-1.4\n...");

		// when / then
		assertThatThrownBy(() -> this.reader.read(file, "ReadMeFirst.pdf", this::neverCalled))
			.isInstanceOf(ExportRejectedException.class)
			.hasMessage("This file is neither a zip nor a JSON file: upload the zip Spotify sent, "
					+ "or one of its Streaming_History_Audio or StreamingHistory JSON files.");
	}

	@Test
	void anEmptyFileIsRejected() {
		Path file = HistoryFiles.textFile(this.dir.resolve("empty.json"), "  \n");

		assertThatThrownBy(() -> this.reader.inspect(file, "empty.json")).isInstanceOf(ExportRejectedException.class)
			.hasMessageStartingWith("This file is neither a zip nor a JSON file");
	}

	@Test
	void aJsonObjectIsRejectedAsNoStreamingHistory() {
		Path file = HistoryFiles.textFile(this.dir.resolve("Userdata.json"), "{\"username\":\"someone\"}");

		assertThatThrownBy(() -> this.reader.read(file, "Userdata.json", this::neverCalled))
			.isInstanceOf(ExportRejectedException.class)
			.hasMessageStartingWith("This JSON file is not a Spotify streaming history: ");
	}

	@Test
	void aJsonListOfSomethingElseIsRejectedAsNoStreamingHistory() {
		// given: the first entry has neither ts and ms_played nor endTime and msPlayed
		Path file = HistoryFiles.jsonFile(this.dir.resolve("Playlist1.json"),
				HistoryRow.emptyRow().with("name", "My playlist").with("ts", "2021-03-04T18:22:07Z"), extendedRow());

		// when / then
		assertThatThrownBy(() -> this.reader.read(file, "Playlist1.json", this::neverCalled))
			.isInstanceOf(ExportRejectedException.class)
			.hasMessageStartingWith("This JSON file is not a Spotify streaming history: ");
	}

	@Test
	void aJsonListOfNumbersIsRejectedAsNoStreamingHistory() {
		Path file = HistoryFiles.textFile(this.dir.resolve("numbers.json"), "[1, 2, 3]");

		assertThatThrownBy(() -> this.reader.countRows(file)).isInstanceOf(ExportRejectedException.class)
			.hasMessageStartingWith("This JSON file is not a Spotify streaming history: ");
	}

	@Test
	void aJsonFileDamagedBeforeItsFirstRowIsRejected() {
		Path file = HistoryFiles.textFile(this.dir.resolve("history.json"), "[{\"ts\": \"2021-03-04T18:22:07Z\",,");

		assertThatThrownBy(() -> this.reader.inspect(file, "history.json")).isInstanceOf(ExportRejectedException.class)
			.hasMessageStartingWith("This JSON file is damaged before its first row (line 1, column ");
	}

	@Test
	void aZipWithoutStreamingHistoryIsRejected() {
		// given
		Path file = zip(this.dir.resolve("my_spotify_data.zip"),
				member("Spotify Account Data/StreamingHistory_podcast_0.json", HistoryRow.accountDataRow()),
				textMember("Spotify Account Data/Userdata.json", "{}"));

		// when / then
		assertThatThrownBy(() -> this.reader.read(file, "my_spotify_data.zip", this::neverCalled))
			.isInstanceOf(ExportRejectedException.class)
			.hasMessage("This zip holds no streaming history: upload the zip of your extended streaming history "
					+ "or of your account data, as Spotify sent it.");
	}

	@Test
	void aDamagedZipIsRejected() {
		Path file = HistoryFiles.textFile(this.dir.resolve("my_spotify_data.zip"), "PK\u0003\u0004 and then nothing");

		assertThatThrownBy(() -> this.reader.inspect(file, "my_spotify_data.zip"))
			.isInstanceOf(ExportRejectedException.class)
			.hasMessage("This zip is damaged or incomplete: download it again from Spotify's email "
					+ "and upload it again.");
	}

	@Test
	void aZipWithMoreFilesThanTheLimitIsRefused() {
		// given
		StreamingHistoryReader reader = new StreamingHistoryReader(3, 1_000_000);
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member("endsong_0.json", extendedRow()),
				member("endsong_1.json", extendedRow()), member("endsong_2.json", extendedRow()),
				member("endsong_3.json", extendedRow()));

		// when / then
		assertThatThrownBy(() -> reader.read(file, "my_spotify_data.zip", this::neverCalled))
			.isInstanceOf(ExportRejectedException.class)
			.hasMessage("This zip holds 4 files, more than the 3 a Spotify export can hold: "
					+ "upload the zip Spotify sent, as it came.");
	}

	@Test
	void aFileDeclaringMoreThanTheLimitIsRefused() {
		// given
		StreamingHistoryReader reader = new StreamingHistoryReader(500, 2_000);
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member(FIRST, extendedRow()),
				member(SECOND, extendedRow(), extendedRow(), extendedRow(), extendedRow()));

		// when / then
		assertThatThrownBy(() -> reader.read(file, "my_spotify_data.zip", this::neverCalled))
			.isInstanceOf(ExportRejectedException.class)
			.hasMessageMatching("Streaming_History_Audio_2021_1.json unpacks to [0-9,]+ bytes, more than the 2,000 "
					+ "bytes a file of streaming history may hold: upload the zip Spotify sent, as it came.");
	}

	@Test
	void aLooseJsonFileLargerThanTheLimitIsRefused() {
		StreamingHistoryReader reader = new StreamingHistoryReader(500, 2_000);
		Path file = HistoryFiles.jsonFile(this.dir.resolve("endsong_0.json"), extendedRow(), extendedRow(),
				extendedRow(), extendedRow());

		assertThatThrownBy(() -> reader.inspect(file, "endsong_0.json")).isInstanceOf(ExportRejectedException.class)
			.hasMessageStartingWith("This JSON file holds ")
			.hasMessageContaining("more than the 2,000 bytes a file of streaming history may hold");
	}

	@Test
	void aFileUnpackingToMoreThanItDeclaresStopsAtTheLimit() throws IOException {
		// given: the second file claims 100 bytes but unpacks to far more than the limit
		StreamingHistoryReader reader = new StreamingHistoryReader(500, 2_000);
		HistoryRow[] many = new HistoryRow[20];
		Arrays.fill(many, extendedRow());
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member(FIRST, extendedRow()), member(SECOND, many));
		declareSize(file, SECOND, 100);

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = reader.read(file, "my_spotify_data.zip", rows::add);

		// then: the rows within the limit were read, and the file says where it stopped
		int rowBytes = HistoryFiles.json(extendedRow()).length() - 2;
		int withinLimit = 2_000 / (rowBytes + 1); // "[", then each row and its comma
		assertThat(summary.members().get(1)).isEqualTo(new MemberOutcome(SECOND, ExportFormat.EXTENDED, withinLimit, 0,
				new MemberBreak(withinLimit,
						"Streaming_History_Audio_2021_1.json unpacks to more than the 2,000 bytes "
								+ "a file of streaming history may hold, so only the rows before row "
								+ (withinLimit + 1) + " were read.")));
		assertThat(rows).hasSize(1 + withinLimit);
	}

	@Test
	void aTruncatedFileKeepsTheRowsBeforeTheBreakAndSaysWhere() {
		// given: the text stops inside the third row
		String text = HistoryFiles.json(extendedRow(), extendedRow(), extendedRow());
		int thirdRow = text.lastIndexOf("{\"ts\"");
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member(FIRST, extendedRow()),
				textMember(SECOND, text.substring(0, thirdRow + 40)));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "my_spotify_data.zip", rows::add);

		// then
		assertThat(rows).extracting(ExportRow::member, ExportRow::index)
			.containsExactly(tuple(FIRST, 0), tuple(SECOND, 0), tuple(SECOND, 1));
		assertThat(summary.members().get(1)).isEqualTo(new MemberOutcome(SECOND, ExportFormat.EXTENDED, 2, 0,
				new MemberBreak(2, "Streaming_History_Audio_2021_1.json breaks off in row 3: the file is incomplete, "
						+ "so only the rows before it were read.")));
	}

	@Test
	void aFileCutBetweenRowsBreaksAtTheNextRow() {
		// given: a loose file that stops after its second row, its list never closed
		String text = HistoryFiles.json(extendedRow(), extendedRow(), extendedRow());
		Path file = HistoryFiles.textFile(this.dir.resolve("endsong_0.json"),
				text.substring(0, text.lastIndexOf(",{\"ts\"")));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "endsong_0.json", rows::add);

		// then
		assertThat(rows).hasSize(2);
		assertThat(summary.members()).singleElement().extracting(MemberOutcome::broken).satisfies((broken) -> {
			assertThat(broken.atRow()).isEqualTo(2);
			assertThat(broken.reason()).startsWith("endsong_0.json breaks off in row 3: the file is incomplete");
		});
	}

	@Test
	void invalidJsonInOneFileLeavesTheOthersRead() {
		// given: the first file's second row has a stray character
		String text = HistoryFiles.json(extendedRow(), extendedRow(), extendedRow());
		int secondRow = text.indexOf(",{\"ts\"");
		String damaged = text.substring(0, secondRow + 2) + "#" + text.substring(secondRow + 2);
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), textMember(FIRST, damaged),
				member(SECOND, extendedRow(), extendedRow()));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "my_spotify_data.zip", rows::add);

		// then
		assertThat(rows).extracting(ExportRow::member).containsExactly(FIRST, SECOND, SECOND);
		MemberOutcome first = summary.members().get(0);
		assertThat(first.rows()).isEqualTo(1);
		assertThat(first.broken().atRow()).isEqualTo(1);
		assertThat(first.broken().reason())
			.matches("Streaming_History_Audio_2020_0.json is not valid JSON in row 2 \\(line 1, column \\d+\\), "
					+ "so only the rows before it were read.");
		assertThat(summary.members().get(1).isBroken()).isFalse();
	}

	@Test
	void aFileOfTheZipThatIsNoListOfPlaysIsReportedAndTheOthersRead() {
		// given
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), textMember(FIRST, "{\"ts\": \"2021-03-04\"}"),
				member(SECOND, extendedRow()), textMember("endsong_0.json", "[{\"title\": \"x\"}]"));

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "my_spotify_data.zip", rows::add);

		// then
		assertThat(rows).extracting(ExportRow::member).containsExactly(SECOND);
		assertThat(summary.brokenMembers()).extracting(MemberOutcome::name, (outcome) -> outcome.broken().reason())
			.containsExactly(tuple(FIRST,
					"Streaming_History_Audio_2020_0.json is not a streaming history: it does not hold a list of "
							+ "plays, so nothing was read from it."),
					tuple("endsong_0.json",
							"endsong_0.json is not a streaming history: it does not hold a list of plays, "
									+ "so nothing was read from it."));
	}

	@Test
	void aFileWhoseCompressedBytesAreDamagedIsReportedAndTheOthersRead() throws IOException {
		// given: bytes in the middle of the first file's compressed data overwritten
		HistoryRow[] many = new HistoryRow[50];
		for (int i = 0; i < many.length; i++) {
			many[i] = extendedRow().with("master_metadata_track_name", "Track " + i);
		}
		Path file = zip(this.dir.resolve("my_spotify_data.zip"), member(FIRST, many), member(SECOND, extendedRow()));
		byte[] bytes = Files.readAllBytes(file);
		int data = 30 + FIRST.length();
		for (int i = data + 200; i < data + 260; i++) {
			bytes[i] = (byte) 0xFF;
		}
		Files.write(file, bytes);

		// when
		List<ExportRow> rows = new ArrayList<>();
		ExportSummary summary = this.reader.read(file, "my_spotify_data.zip", rows::add);

		// then
		assertThat(summary.members().get(0).isBroken()).isTrue();
		assertThat(summary.members().get(1)).isEqualTo(new MemberOutcome(SECOND, ExportFormat.EXTENDED, 1, 0, null));
	}

	@Test
	void aJsonFileWithAByteOrderMarkIsRead() {
		Path file = HistoryFiles.textFile(this.dir.resolve("endsong_0.json"),
				"\uFEFF\n " + HistoryFiles.json(extendedRow()));

		assertThat(this.reader.read(file, "endsong_0.json", (row) -> {
		}).rows()).isEqualTo(1);
	}

	private void neverCalled(ExportRow row) {
		throw new AssertionError("No row may be delivered, got " + row);
	}

	/**
	 * Overwrites the uncompressed size the zip's central directory declares for a file.
	 */
	private static void declareSize(Path zip, String name, int size) throws IOException {
		byte[] bytes = Files.readAllBytes(zip);
		byte[] entryName = name.getBytes(StandardCharsets.UTF_8);
		for (int i = bytes.length - 46; i >= 0; i--) {
			boolean central = bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2;
			if (central && Arrays.equals(bytes, i + 46, i + 46 + entryName.length, entryName, 0, entryName.length)) {
				for (int b = 0; b < 4; b++) {
					bytes[i + 24 + b] = (byte) (size >>> (8 * b));
				}
				Files.write(zip, bytes);
				return;
			}
		}
		throw new IllegalArgumentException(name + " is not in " + zip);
	}

}
