package dev.spotifytracker.plays;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.account.JobAccounts;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobProperties;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.library.CatalogService;
import dev.spotifytracker.library.SyncIntegrationTest;
import dev.spotifytracker.library.TrackStub;
import dev.spotifytracker.spotify.fake.SimAlbum;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.support.TestJobContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enrichment asks Spotify once per track known only from an export, most played
 * first, within its share of the call budget, and fills the catalog in.
 */
class EnrichJobTest extends SyncIntegrationTest {

	/** A well-formed id the simulator has never heard of: Spotify answers 404. */
	private static final String UNKNOWN_ID = "0000000000000000000000";

	@Autowired
	private CatalogService catalog;

	@Autowired
	private StubQueue queue;

	@Autowired
	private JobAccounts accounts;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private ImportRepository imports;

	@Autowired
	private ImportBatchWriter writer;

	@Autowired
	private PlayRollups rollups;

	@Test
	void eachStubIsAskedAboutOnceAndFilledInWithWhatSpotifySays() {
		// given: three tracks Spotify knows and one it does not, known only from an
		// export
		AccountId account = account("alice");
		SimAlbum album = sim.catalog().album("Real Album").artist("Real Artist").tracks(3).build();
		List<SimTrack> tracks = album.tracks();
		importedPlays(account,
				Map.of(tracks.get(0).id(), 3, tracks.get(1).id(), 1, tracks.get(2).id(), 2, UNKNOWN_ID, 5));
		sim.requests().reset();

		// when
		JobResult result = new TestJobContextRun(account).run(job("enrich"));

		// then: one call per stub, the catalog says what Spotify says
		assertThat(sim.requests().count("GET /v1/tracks/{id}")).isEqualTo(4);
		assertThat(sim.requests().apiTotal()).isEqualTo(4);
		assertThat(result.itemsChanged()).isEqualTo(4);
		for (SimTrack track : tracks) {
			Map<String, Object> row = catalogRow(track.id());
			assertThat(row).containsEntry("album_name", "Real Album")
				.containsEntry("is_stub", false)
				.containsEntry("duration_ms", track.durationMs());
			assertThat(artistOf(track.id())).isEqualTo("Real Artist");
		}
		assertThat(catalogRow(UNKNOWN_ID).get("not_found_at")).isNotNull();
		assertThat(this.queue.size(account)).isZero();
		assertThat(job("enrich").notNeeded(account)).isPresent();
	}

	@Test
	void learningAStubsLengthChangesNoRollupBecauseEveryPlayOfAStubKnowsHowLongItLasted() {
		// given: a stub played through the import (its rows carry ms_played), rollups
		// built
		AccountId account = account("dave");
		SimTrack track = sim.catalog().newAlbum("Album", 1).tracks().get(0);
		long importId = this.imports.create(account, "export.zip", null);
		RawRow row = new RawRow("Streaming_History_Audio_2025.json", 0, false, Instant.parse("2025-06-01T09:00:00Z"),
				95_000, track.id(), "Heard", "Someone", "Some Album", "clickrow", "trackdone", false, false, false,
				null, false);
		this.writer.write(account, importId, 30_000, List.of(row), 1, 0, Map.of(row.member(), 1),
				Map.of(row.member(), row.format()));
		List<String> before = rollupRows(account);

		// when: the enrichment learns the track's length
		new TestJobContextRun(account).run(job("enrich"));

		// then: the track has its length, and no rollup figure moved (a rebuild agrees)
		assertThat(catalogRow(track.id())).containsEntry("duration_ms", track.durationMs());
		assertThat(track.durationMs()).isNotEqualTo(95_000);
		assertThat(this.jdbc.sql("""
				select count(*) from counted_plays cp join catalog_tracks ct on ct.track_id = cp.track_id
				where ct.is_stub and cp.ms_played is null
				""").query(Integer.class).single()).isZero();
		assertThat(rollupRows(account)).isEqualTo(before).anyMatch((hour) -> hour.endsWith(" 1 95000 0"));
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.rollups.rebuild(account));
		assertThat(rollupRows(account)).isEqualTo(before);
	}

	private List<String> rollupRows(AccountId account) {
		List<String> rows = new java.util.ArrayList<>(this.jdbc.sql("""
				select concat_ws(' ', day, hour, plays, ms, estimated_ms) from play_hours where account_id = ?
				order by day, hour
				""").param(account.value()).query(String.class).list());
		rows.addAll(this.jdbc.sql("""
				select concat_ws(' ', track_id, plays, ms) from play_tracks where account_id = ? order by track_id
				""").param(account.value()).query(String.class).list());
		rows.addAll(this.jdbc.sql("""
				select concat_ws(' ', started_at, ended_at, plays) from play_sessions where account_id = ?
				order by started_at
				""").param(account.value()).query(String.class).list());
		return rows;
	}

	@Test
	void aRunAsksAboutTheMostPlayedStubsFirstWithinItsShareOfTheBudget() {
		// given: a budget of 10 calls a day, of which the enrichment may spend a fifth
		AccountId account = account("bob");
		List<SimTrack> tracks = sim.catalog().newAlbum("Album", 4).tracks();
		importedPlays(account,
				Map.of(tracks.get(0).id(), 1, tracks.get(1).id(), 4, tracks.get(2).id(), 2, tracks.get(3).id(), 3));
		EnrichJob small = new EnrichJob(this.queue, this.catalog,
				new JobProperties(true, "0 */10 * * * *", "0 7 7 * * *", "UTC", 10, 50, 365), this.accounts,
				this.transactions);
		int accountCount = this.accounts.scheduled().size();
		assertThat(small.callsPerRun()).isEqualTo(Math.max(1, 2 / accountCount));
		sim.requests().reset();

		// when
		new TestJobContextRun(account).run(small);

		// then: the most played first, no more than the share
		int asked = sim.requests().count("GET /v1/tracks/{id}");
		assertThat(asked).isEqualTo(small.callsPerRun());
		assertThat(catalogRow(tracks.get(1).id())).containsEntry("is_stub", false);
		assertThat(catalogRow(tracks.get(0).id())).containsEntry("is_stub", true);
		assertThat(this.queue.size(account)).isEqualTo(4 - asked);
	}

	@Test
	void aServerErrorStopsTheRunKeepsWhatWasAskedAndLeavesTheRestForLater() {
		// given: Spotify fails every track look-up after the second
		AccountId account = account("carol");
		List<SimTrack> tracks = sim.catalog().newAlbum("Album", 5).tracks();
		importedPlays(account, Map.of(tracks.get(0).id(), 5, tracks.get(1).id(), 4, tracks.get(2).id(), 3,
				tracks.get(3).id(), 2, tracks.get(4).id(), 1));
		sim.faults().failOn("GET /v1/tracks/{id}", 2, 503);

		// when
		JobResult result = new TestJobContextRun(account).run(job("enrich"));

		// then: the two answers are kept, three wait, and no call was wasted on them
		assertThat(result.message()).contains("stopped early").contains("503");
		assertThat(catalogRow(tracks.get(0).id())).containsEntry("is_stub", false);
		assertThat(catalogRow(tracks.get(1).id())).containsEntry("is_stub", false);
		assertThat(this.queue.size(account)).isEqualTo(3);
		sim.faults().clear();
		sim.requests().reset();

		// when: the next run
		new TestJobContextRun(account).run(job("enrich"));

		// then
		assertThat(sim.requests().count("GET /v1/tracks/{id}")).isEqualTo(3);
		assertThat(this.queue.size(account)).isZero();
	}

	/** Stub tracks with that many imported plays each, an hour apart. */
	private void importedPlays(AccountId account, Map<String, Integer> playsByTrack) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.catalog.saveStubs(playsByTrack.keySet()
				.stream()
				.map((id) -> new TrackStub(id, "Export name " + id, "Export album", "Export artist"))
				.toList());
			Instant at = Instant.parse("2024-03-01T12:00:00Z");
			for (Map.Entry<String, Integer> entry : playsByTrack.entrySet()) {
				for (int i = 0; i < entry.getValue(); i++) {
					at = at.plusSeconds(3600);
					this.jdbc.sql("""
							insert into plays (account_id, track_id, played_at, ms_played, source, export_ts)
							values (?, ?, ?, 180000, 'history_import', ?)
							""")
						.params(account.value(), entry.getKey(), Timestamp.from(at), Timestamp.from(at))
						.update();
				}
			}
		});
	}

	private Map<String, Object> catalogRow(String trackId) {
		return this.jdbc.sql("select * from catalog_tracks where track_id = ?").param(trackId).query().singleRow();
	}

	private String artistOf(String trackId) {
		return this.jdbc.sql("select artist_name from catalog_track_artists where track_id = ? and position = 0")
			.param(trackId)
			.query(String.class)
			.single();
	}

	/** Runs a job in the test's thread and fails the test when the job fails. */
	private final class TestJobContextRun {

		private final TestJobContext context;

		TestJobContextRun(AccountId account) {
			this.context = new TestJobContext(EnrichJobTest.this.clients, account);
		}

		JobResult run(dev.spotifytracker.job.Job job) {
			try {
				return job.run(this.context);
			}
			catch (Exception ex) {
				throw new AssertionError("The job failed: " + ex.getMessage(), ex);
			}
		}

	}

}
