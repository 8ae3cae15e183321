package dev.spotifytracker.plays;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobRun;
import dev.spotifytracker.job.JobRuns;
import dev.spotifytracker.job.RunStatus;
import dev.spotifytracker.plays.history.ExportRow;
import dev.spotifytracker.plays.history.StreamingHistoryReader;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.LibraryFixture;
import dev.spotifytracker.support.TestSpotify;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The {@code import} job end to end through {@code POST /api/imports} over real HTTP (the
 * servlet container's multipart handling and its limit included), on the test PostgreSQL:
 * what it imports, what it refuses, how it resumes, and that Spotify never hears of it.
 * Batches of 10 rows and a 1 MB limit keep the files small.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "tracker.security.api-token=" + ImportJobTest.API_TOKEN, "tracker.imports.max-mb=1",
		"tracker.imports.batch-rows=10" })
class ImportJobTest {

	static final String API_TOKEN = "test-import-api-token-of-32-characters-or-more";

	private static final Instant T = Instant.parse("2025-03-01T12:00:00Z");

	private static final String BOUNDARY = "import-test-boundary-7f3a";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobRuns runs;

	@Autowired
	JsonMapper json;

	@Autowired
	ImportRepository imports;

	@Autowired
	ImportBatchWriter realWriter;

	@Autowired
	ImportResume resume;

	@Autowired
	PlayGaps gaps;

	@Autowired
	PlayService playService;

	@Autowired
	ImportProperties properties;

	@Autowired
	MockMvc mvc;

	@Autowired
	PlayRollups playRollups;

	@Autowired
	PlatformTransactionManager transactionManager;

	@MockitoSpyBean
	ImportBatchWriter writer;

	private AccountId alice;

	private final List<CountDownLatch> held = new ArrayList<>();

	@BeforeEach
	void anAccountWithAnAlbum() {
		this.alice = Viewers.create(this.jdbc, "alice", "owner", "UTC");
		LibraryFixture.of(this.jdbc, this.alice).album("Blue", "Joni", null, "River", "Carey", "California");
	}

	@AfterEach
	void letHeldImportsEnd() {
		this.held.forEach(CountDownLatch::countDown);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from imports where status in ('queued', 'running')")
				.query(Long.class)
				.single() == 0);
	}

	@Test
	void anUploadedExportIsImportedInTheBackgroundWithoutASpotifyCall() throws Exception {
		// given
		ExportFiles export = ExportFiles.rows()
			.plays(24, T, "River", "Carey", "Unknown Song")
			.incognito("River", T.plusSeconds(9_000), 200_000)
			.play("Carey", T.plusSeconds(9_300), 5_000)
			.episode(T.plusSeconds(9_600), 900_000);

		// when
		HttpResponse<String> response = upload("Streaming_History_Audio_2025.json", export.bytes());

		// then
		assertThat(response.statusCode()).isEqualTo(202);
		JobRun run = awaitEnd(this.json.readTree(response.body()).get("runId").asLong());
		assertThat(run.job()).isEqualTo("import");
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run.items()).isEqualTo(24);
		assertThat(run.apiCalls()).isZero();
		assertThat(run.message())
			.startsWith("Streaming_History_Audio_2025.json: 27 rows read: 24 plays added, 0 merged")
			.contains("1 short", "1 not music", "1 incognito", "0 unresolved");
		assertThat(countedPlays()).isEqualTo(24);
		assertThat(TestSpotify.simulator().requests().total()).isZero();
	}

	@Test
	void theUploadedFileIsDeletedWhenTheImportEnds() throws Exception {
		// when
		JobRun run = importFile("endsong_0.json", ExportFiles.rows().plays(5, T, "River").bytes());

		// then
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(storedUploads()).isEmpty();
		assertThat(this.jdbc.sql("select stored_path from imports").query(String.class).list()).containsOnlyNulls();
	}

	@Test
	void aSecondUploadWhileAnImportOfTheAccountRunsAnswers409AndKeepsNothing() throws Exception {
		// given: the first import is held inside its first batch
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = hold();
		doAnswer((invocation) -> {
			entered.countDown();
			release.await(30, TimeUnit.SECONDS);
			return invocation.callRealMethod();
		}).when(this.writer)
			.write(any(), anyLong(), anyInt(), any(), anyLong(), anyLong(), any(), any(), anyBoolean(), anyLong());
		HttpResponse<String> first = upload("endsong_0.json", ExportFiles.rows().plays(5, T, "River").bytes());
		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

		// when
		HttpResponse<String> second = upload("endsong_1.json", ExportFiles.rows().plays(5, T, "Carey").bytes());

		// then
		assertThat(second.statusCode()).isEqualTo(409);
		JsonNode body = this.json.readTree(second.body());
		assertThat(body.get("runId").asLong()).isEqualTo(this.json.readTree(first.body()).get("runId").asLong());
		assertThat(this.jdbc.sql("select count(*) from imports").query(Long.class).single()).isOne();
		assertThat(storedUploads()).hasSize(1);
		release.countDown();
		assertThat(awaitEnd(this.json.readTree(first.body()).get("runId").asLong()).status())
			.isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void aFileThatIsNoStreamingHistoryAnswers400WithOneSentenceAndWritesNothing() throws Exception {
		// when
		HttpResponse<String> response = upload("holiday.pdf", "%PDF-1.7 not an export".getBytes());

		// then
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.isEqualTo("This file is neither a zip nor a JSON file: upload the zip Spotify sent, or one of its "
					+ "Streaming_History_Audio or StreamingHistory JSON files.");
		assertThat(this.jdbc.sql("select count(*) from imports").query(Long.class).single()).isZero();
		assertThat(storedUploads()).isEmpty();
	}

	@Test
	void aJsonFileThatIsNoStreamingHistoryAnswers400() throws Exception {
		// when
		HttpResponse<String> response = upload("playlists.json", "{\"playlists\": []}".getBytes());

		// then
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.startsWith("This JSON file is not a Spotify streaming history");
		assertThat(this.jdbc.sql("select count(*) from imports").query(Long.class).single()).isZero();
	}

	@Test
	void anUploadOverTheLimitAnswers413WithOneSentence() throws Exception {
		// given: 1.5 MB against a limit of 1 MB
		byte[] large = new byte[1536 * 1024];
		java.util.Arrays.fill(large, (byte) ' ');
		large[0] = '[';
		large[large.length - 1] = ']';

		// when
		HttpResponse<String> response = upload("Streaming_History_Audio_2025.json", large);

		// then
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(this.json.readTree(response.body()).get("detail").asString())
			.isEqualTo("This file is larger than the 1 MB an upload may hold: upload the zip Spotify sent as it came, "
					+ "or raise TRACKER_IMPORT_MAX_MB.");
		assertThat(this.jdbc.sql("select count(*) from imports").query(Long.class).single()).isZero();
		assertThat(storedUploads()).isEmpty();
	}

	@Test
	void anImportCutShortByARestartResumesAfterItsLastCommittedBatch() throws Exception {
		// given: a restart stopped the import after its first batch of 10 rows
		ExportFiles export = ExportFiles.rows().plays(25, T, "River", "Carey");
		Path stored = this.properties.uploadDir().resolve("cut-short.upload");
		Files.createDirectories(stored.getParent());
		Files.write(stored, export.bytes());
		long importId = this.imports.create(this.alice, "endsong_0.json", stored.toString());
		this.imports.claim(importId, 0, T);
		List<RawRow> firstBatch = new ArrayList<>();
		new StreamingHistoryReader().read(stored, "endsong_0.json", (ExportRow row) -> {
			if (row.index() < 10) {
				firstBatch.add(ImportJob.rawRow(row));
			}
		});
		this.realWriter.write(this.alice, importId, 30_000, firstBatch, 10, 0, Map.of("endsong_0.json", 10),
				Map.of("endsong_0.json", "extended"));

		// when: the service starts again
		int resumed = this.resume.resumeUnfinished();

		// then
		assertThat(resumed).isOne();
		ImportRecord done = awaitImport(importId);
		assertThat(done.status()).isEqualTo("succeeded");
		assertThat(done.counts().rowsRead()).isEqualTo(25);
		assertThat(done.counts().known()).isZero();
		assertThat(done.counts().added()).isEqualTo(25);
		assertThat(countedPlays()).isEqualTo(25);
		assertThat(Files.exists(stored)).isFalse();
	}

	@Test
	void aTruncatedFileKeepsTheRowsBeforeTheBreakAndTheFullFileCompletesItWithoutDuplicates() throws Exception {
		// given
		ExportFiles export = ExportFiles.rows().plays(20, T, "River", "Carey", "California");
		JobRun cut = importFile("endsong_0.json", export.truncatedAfterRow(12));
		assertThat(cut.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(cut.message()).contains("endsong_0.json", "The first 12 rows of that file were kept.");
		assertThat(countedPlays()).isEqualTo(12);

		// when
		JobRun full = importFile("endsong_0.json", export.bytes());

		// then
		assertThat(full.items()).isEqualTo(8);
		assertThat(full.message())
			.contains("20 rows read: 8 plays added, 0 merged with polled plays, 12 already imported");
		assertThat(countedPlays()).isEqualTo(20);
		assertThat(this.jdbc.sql("""
				select count(*) from (select track_id, played_at from plays group by 1, 2 having count(*) > 1) d
				""").query(Long.class).single()).isZero();
	}

	@Test
	void aBrokenFileOfTheZipIsReportedAndTheOthersImported() throws Exception {
		// given
		Map<String, byte[]> members = ExportFiles.members();
		members.put("Spotify Extended Streaming History/Streaming_History_Audio_2023.json",
				"[{\"ts\": \"2023-01-01T10:00:00Z\", oops".getBytes(StandardCharsets.UTF_8));
		members.put("Spotify Extended Streaming History/Streaming_History_Audio_2024.json",
				ExportFiles.rows().plays(6, T, "River").bytes());

		// when
		JobRun run = importFile("my_spotify_data.zip", ExportFiles.zip(members));

		// then
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run.message()).contains("Streaming_History_Audio_2023.json");
		assertThat(countedPlays()).isEqualTo(6);
		assertThat(this.jdbc.sql("select count(*) from import_members where broken is not null")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aVideoFileOfTheZipIsSkippedAndListed() throws Exception {
		// given
		Map<String, byte[]> members = ExportFiles.members();
		members.put("Spotify Extended Streaming History/Streaming_History_Audio_2024.json",
				ExportFiles.rows().plays(4, T, "Carey").bytes());
		members.put("Spotify Extended Streaming History/Streaming_History_Video_2024.json",
				ExportFiles.rows().plays(3, T, "River").bytes());
		members.put("Spotify Extended Streaming History/ReadMeFirst_ExtendedStreamingHistory.pdf",
				"%PDF".getBytes(StandardCharsets.UTF_8));

		// when
		JobRun run = importFile("my_spotify_data.zip", ExportFiles.zip(members));

		// then
		assertThat(run.items()).isEqualTo(4);
		assertThat(run.message()).contains("2 other files skipped (Streaming_History_Video_2024.json, "
				+ "ReadMeFirst_ExtendedStreamingHistory.pdf)");
		assertThat(this.jdbc.sql("select count(*) from plays where track_id = ?")
			.param(LibraryFixture.id("River"))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anImportCoveringAGapThePollWarnedAboutClosesIt() throws Exception {
		// given
		this.gaps.record(this.alice, new PlayGap(T.plusSeconds(600), T.plusSeconds(3_000)));
		this.gaps.record(this.alice, new PlayGap(T.plusSeconds(90_000), T.plusSeconds(99_000)));

		// when
		importFile("endsong_0.json", ExportFiles.rows().plays(20, T, "River").bytes());

		// then: the export reaches across the first gap only
		assertThat(this.gaps.closed(this.alice, T.plusSeconds(600), T.plusSeconds(3_000))).isTrue();
		assertThat(this.gaps.closed(this.alice, T.plusSeconds(90_000), T.plusSeconds(99_000))).isFalse();
	}

	@Test
	void aRunOfMergedPairsReportsTheirOffsets() throws Exception {
		// given
		LibraryFixture.of(this.jdbc, this.alice).played("River", T, T.plusSeconds(1_000));

		// when
		JobRun run = importFile("endsong_0.json",
				ExportFiles.rows()
					.play("River", T.plusSeconds(2), 200_000)
					.play("River", T.plusSeconds(1_040), 200_000)
					.bytes());

		// then
		assertThat(run.message()).contains("0 plays added, 2 merged with polled plays")
			.contains("Merged pairs were apart by 2.0 s median, 40 s p95, 40 s at most.");
	}

	@Test
	void theApiTokenOpensThePlaysExport() throws Exception {
		// given
		LibraryFixture.of(this.jdbc, this.alice).played("River", T);

		// when
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(url("/api/plays?account=alice&format=csv")))
				.header("Authorization", "Bearer " + API_TOKEN)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

		// then
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("played_at,ms_played,track_id,track,artists,album,source\n")
			.contains(LibraryFixture.id("River"));
	}

	@Test
	void aSignedInPersonUploadsWithTheCsrfTokenOnly() throws Exception {
		// given
		MockMultipartFile file = new MockMultipartFile("file", "endsong_0.json", "application/json",
				ExportFiles.rows().plays(3, T, "River").bytes());

		// when / then
		this.mvc.perform(multipart("/api/imports").file(file).with(Viewers.signedInAs("alice")))
			.andExpect(status().isForbidden());
		String body = this.mvc
			.perform(multipart("/api/imports").file(file).with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.runId").isNumber())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(awaitEnd(this.json.readTree(body).get("runId").asLong()).items()).isEqualTo(3);
	}

	@Test
	void anImportOfMoreThanFourBatchesBuildsTheRollupsOnceAtItsEndAsARebuildWould() throws Exception {
		// given: polled plays among the export's rows, rollups built; 60 rows are six
		// batches of 10
		LibraryFixture.of(this.jdbc, this.alice).played("River", T.minusSeconds(20), T.plusSeconds(470));
		rebuildRollups();
		List<String> marksAfterEachBatch = new ArrayList<>();
		List<Boolean> deferred = new ArrayList<>();
		doAnswer((invocation) -> {
			Object written = invocation.callRealMethod();
			deferred.add(invocation.getArgument(8));
			marksAfterEachBatch.add(rollupMark());
			return written;
		}).when(this.writer)
			.write(any(), anyLong(), anyInt(), any(), anyLong(), anyLong(), any(), any(), anyBoolean(), anyLong());

		// when
		JobRun run = importFile("endsong_0.json", ExportFiles.rows().plays(60, T, "River", "Carey").bytes());

		// then: while the import ran, no rollups claimed to be built; at its end they are
		// what a rebuild makes of the plays
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run.message()).contains("58 plays added, 2 merged");
		assertThat(deferred).hasSize(6).containsOnly(true);
		assertThat(marksAfterEachBatch).containsOnly("none");
		assertThat(rollupMark()).isEqualTo("UTC");
		List<String> atTheEnd = rollups();
		assertThat(atTheEnd).anyMatch((row) -> row.startsWith("track " + LibraryFixture.id("River") + " 30 "));
		rebuildRollups();
		assertThat(atTheEnd).isEqualTo(rollups());
	}

	@Test
	void aLargeImportThatFailsLeavesTheRollupsBuiltFromWhatItCommitted() throws Exception {
		// given: the third batch fails
		LibraryFixture.of(this.jdbc, this.alice).played("Carey", T.minusSeconds(3600));
		rebuildRollups();
		List<Integer> calls = new ArrayList<>();
		doAnswer((invocation) -> {
			calls.add(calls.size());
			if (calls.size() == 3) {
				throw new IllegalStateException("the database went away");
			}
			return invocation.callRealMethod();
		}).when(this.writer)
			.write(any(), anyLong(), anyInt(), any(), anyLong(), anyLong(), any(), any(), anyBoolean(), anyLong());

		// when
		JobRun run = importFile("endsong_0.json", ExportFiles.rows().plays(60, T, "River", "Carey").bytes());

		// then: the two batches committed count, in the rollups too
		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		assertThat(countedPlays()).isEqualTo(21);
		assertThat(rollupMark()).isEqualTo("UTC");
		List<String> atTheEnd = rollups();
		assertThat(atTheEnd).anyMatch((row) -> row.startsWith("track " + LibraryFixture.id("Carey") + " 11 "));
		rebuildRollups();
		assertThat(atTheEnd).isEqualTo(rollups());
	}

	private void rebuildRollups() {
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.playRollups.rebuild(this.alice));
	}

	/**
	 * @return the zone the account's rollups are marked built in, or "none"
	 */
	private String rollupMark() {
		return this.jdbc.sql("select time_zone from play_rollup_accounts where account_id = ?")
			.param(this.alice.value())
			.query(String.class)
			.optional()
			.orElse("none");
	}

	/**
	 * @return every rollup row of the account, as text
	 */
	private List<String> rollups() {
		return this.jdbc.sql("""
				select 'day ' || day || ' ' || track_id || ' ' || plays || ' ' || ms || ' ' || first_played_at
				       || ' ' || last_played_at from play_days where account_id = :account
				union all
				select 'hour ' || day || ' ' || hour || ' ' || plays || ' ' || ms || ' ' || estimated_ms
				from play_hours where account_id = :account
				union all
				select 'session ' || started_at || ' ' || last_started_at || ' ' || ended_at || ' ' || plays
				from play_sessions where account_id = :account
				union all
				select 'track ' || track_id || ' ' || plays || ' ' || ms || ' ' || first_day || ' ' || last_day || ' '
				       || first_played_at || ' ' || last_played_at from play_tracks where account_id = :account
				order by 1
				""").param("account", this.alice.value()).query(String.class).list();
	}

	private CountDownLatch hold() {
		CountDownLatch latch = new CountDownLatch(1);
		this.held.add(latch);
		return latch;
	}

	private JobRun importFile(String name, byte[] content) throws Exception {
		HttpResponse<String> response = upload(name, content);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return awaitEnd(this.json.readTree(response.body()).get("runId").asLong());
	}

	private HttpResponse<String> upload(String fileName, byte[] content) throws IOException, InterruptedException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/imports?account=alice")))
			.header("Authorization", "Bearer " + API_TOKEN)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private JobRun awaitEnd(long runId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.runs.run(runId).orElseThrow(), (run) -> !run.isRunning());
	}

	private ImportRecord awaitImport(long importId) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.imports.find(importId).orElseThrow(), ImportRecord::finished);
	}

	private long countedPlays() {
		return this.jdbc.sql("select count(*) from counted_plays where account_id = ?")
			.param(this.alice.value())
			.query(Long.class)
			.single();
	}

	private List<Path> storedUploads() throws IOException {
		Path folder = this.properties.uploadDir();
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
