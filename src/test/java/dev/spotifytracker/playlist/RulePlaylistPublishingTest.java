package dev.spotifytracker.playlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.SpotifyClients;
import dev.spotifytracker.spotify.SpotifyException;
import dev.spotifytracker.spotify.fake.SimAlbum;
import dev.spotifytracker.spotify.fake.SimPlaylist;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import dev.spotifytracker.spotify.fake.SpotifySimulator;
import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Publishing rule playlists against the Spotify simulator over real HTTP: the same
 * mapping, edit script and due mechanism as the built-ins, the confirmation an empty
 * first push needs, and stored rules that no failure touches. The simulator counts the
 * calls.
 */
@IntegrationTest
@Import(PlaylistPublisherTest.SimulatorAccess.class)
class RulePlaylistPublishingTest {

	static final SpotifySimulator sim = SpotifySimulator.start();

	static final String ITEMS = "/v1/playlists/{id}/items";

	static final AtomicLong accountIds = new AtomicLong(5000);

	static final String NEVER_HEARD = """
			{"name": "Never heard", "conditions": [{"field": "lastPlayed", "op": "isNull"}],
			 "sort": [{"field": "albumOrder"}]}""";

	static final String NOTHING = """
			{"name": "Nothing yet", "conditions": [{"field": "plays", "op": "gte", "value": 1000}]}""";

	@DynamicPropertySource
	static void spotify(DynamicPropertyRegistry registry) {
		registry.add("tracker.spotify.client-id", sim::clientId);
		registry.add("tracker.spotify.client-secret", sim::clientSecret);
		registry.add("tracker.spotify.api-base-url", sim::baseUrl);
		registry.add("tracker.spotify.accounts-base-url", sim::baseUrl);
		registry.add("tracker.spotify.initial-backoff", () -> "5ms");
	}

	@AfterAll
	static void stopSimulator() {
		sim.close();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RulePlaylists rules;

	@Autowired
	RulePlaylistRepository stored;

	@Autowired
	PlaylistService service;

	@Autowired
	PlaylistMappingRepository mappings;

	@Autowired
	PlaylistsJob playlistsJob;

	@Autowired
	PlaylistsReconcileJob reconcileJob;

	@Autowired
	PlaylistsDue due;

	@Autowired
	PlaylistExclusions exclusions;

	@Autowired
	SpotifyClients clients;

	@Autowired
	SimulatorCredentials credentials;

	@Autowired
	Clock clock;

	SimulatedUser alice;

	TestLibrary library;

	SpotifyClient spotify;

	@BeforeEach
	void anAccountOnTheSimulator() {
		sim.reset();
		this.alice = sim.addUser("alice", "Alice");
		this.library = TestLibrary.aLibrary(this.jdbc, "alice", accountIds.incrementAndGet());
		this.credentials.put(this.library.account(), sim.issueRefreshToken("alice"));
		this.spotify = this.clients.forAccount(this.library.account());
	}

	@AfterEach
	void theSimulatorSawNoContractBreach() {
		sim.assertNoViolations();
	}

	@Test
	void aRulePlaylistsFirstPushCreatesItsPlaylistWithTheRulesTracks() {
		List<SimTrack> tracks = saveAlbum(3);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();

		PublishOutcome outcome = push(slug, false);

		assertThat(outcome.created()).isTrue();
		assertThat(outcome.calls()).isEqualTo(2);
		assertThat(sim.requests().count("POST /v1/me/playlists")).isEqualTo(1);
		assertThat(playlistUris(slug)).isEqualTo(uris(tracks));
		assertThat(this.alice.playlist(mapping(slug).spotifyPlaylistId()).name()).isEqualTo("Never heard");
	}

	@Test
	void oneTrackLeavingTheRuleCostsOneCall() {
		List<SimTrack> tracks = saveAlbum(4);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		push(slug, false);
		this.library.played(tracks.get(1).id(), this.clock.instant().minusSeconds(600));

		PublishOutcome outcome = push(slug, false);

		assertThat(outcome.calls()).isEqualTo(1);
		assertThat(outcome.removed()).isEqualTo(1);
		assertThat(sim.requests().count("DELETE " + ITEMS)).isEqualTo(1);
		assertThat(playlistUris(slug)).isEqualTo(uris(List.of(tracks.get(0), tracks.get(2), tracks.get(3))));
	}

	@Test
	void anExclusionMarksThePlaylistsDueAndTheNextPushRemovesItsTrackWithOneCall() {
		List<SimTrack> tracks = saveAlbum(3);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		push(slug, false);
		this.due.clear(this.library.account());

		this.exclusions.exclude(this.library.account(), "track", tracks.get(0).id(), slug);
		boolean dueAfterExclusion = this.due.isDue(this.library.account());
		PublishOutcome outcome = push(slug, false);

		assertThat(dueAfterExclusion).isTrue();
		assertThat(outcome.calls()).isEqualTo(1);
		assertThat(outcome.removed()).isEqualTo(1);
		assertThat(playlistUris(slug)).isEqualTo(uris(List.of(tracks.get(1), tracks.get(2))));
	}

	@Test
	void theCycleRunPushesRulePlaylistsAlongTheBuiltInsAndNothingWhenNothingChanged() {
		List<SimTrack> tracks = saveAlbum(2);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		onlyBuiltInsDisabled();

		RecordingJobContext first = new RecordingJobContext(this.library.account(), this.spotify);
		this.playlistsJob.run(first);
		sim.requests().reset();
		RecordingJobContext second = new RecordingJobContext(this.library.account(), this.spotify);
		this.playlistsJob.run(second);

		assertThat(details(first)).extracting((detail) -> detail.get("slug")).containsExactly(slug);
		assertThat(playlistUris(slug)).isEqualTo(uris(tracks));
		assertThat(details(second).get(0)).containsEntry("change", "none").containsEntry("calls", 0);
		assertThat(sim.requests().apiTotal()).isZero();
	}

	@Test
	void savingOrChangingARuleMarksTheAccountsPlaylistsDue() {
		this.due.clear(this.library.account());
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		boolean dueAfterCreate = this.due.isDue(this.library.account());
		this.due.clear(this.library.account());

		this.rules.update(this.library.account(), slug, NOTHING);

		assertThat(dueAfterCreate).isTrue();
		assertThat(this.due.isDue(this.library.account())).isTrue();
	}

	@Test
	void anEmptyFirstPushCreatesNothingUntilConfirmed() {
		saveAlbum(2);
		String slug = this.rules.create(this.library.account(), NOTHING).slug();

		sim.requests().reset();
		PublishOutcome unconfirmed = this.service.pushNow(this.library.account(), slug, false).orElseThrow();
		int callsUnconfirmed = sim.requests().apiTotal();
		PublishOutcome confirmed = push(slug, true);

		assertThat(unconfirmed.awaitsConfirmation()).isTrue();
		assertThat(unconfirmed.failed()).isFalse();
		assertThat(callsUnconfirmed).isZero();
		assertThat(confirmed.created()).isTrue();
		assertThat(confirmed.calls()).isEqualTo(1);
		assertThat(playlistUris(slug)).isEmpty();
	}

	@Test
	void theCycleRunLeavesAnEmptyNewRulePlaylistUncreated() {
		String slug = this.rules.create(this.library.account(), NOTHING).slug();
		onlyBuiltInsDisabled();

		RecordingJobContext run = new RecordingJobContext(this.library.account(), this.spotify);
		this.playlistsJob.run(run);

		assertThat(details(run).get(0)).containsEntry("slug", slug).containsEntry("change", "unconfirmed");
		assertThat(this.mappings.find(this.library.account(), slug)).isEmpty();
		assertThat(sim.requests().count("POST /v1/me/playlists")).isZero();
	}

	@Test
	void aFailedPushLeavesTheStoredRuleAsItWasAndTheNextPushRepairsThePlaylist() {
		List<SimTrack> tracks = saveAlbum(3);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		StoredRulePlaylist before = this.stored.find(this.library.account(), slug).orElseThrow();
		sim.faults().failOn("POST " + ITEMS, 0, 500);

		PublishOutcome failed = this.service.pushNow(this.library.account(), slug, false).orElseThrow();
		sim.faults().clear();
		PlaylistMapping broken = mapping(slug);
		PublishOutcome repaired = push(slug, false);

		assertThat(failed.failed()).isTrue();
		assertThat(broken.status()).isEqualTo(MappingStatus.INCOMPLETE);
		assertThat(this.stored.find(this.library.account(), slug)).contains(before);
		assertThat(repaired.change()).isEqualTo("replace");
		assertThat(playlistUris(slug)).isEqualTo(uris(tracks));
	}

	@Test
	void aReconcileThatFindsThePlaylistRemovedLeavesTheStoredRuleAsItWas() {
		saveAlbum(2);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		StoredRulePlaylist before = this.stored.find(this.library.account(), slug).orElseThrow();
		push(slug, false);
		this.alice.removePlaylistFromLibrary(mapping(slug).spotifyPlaylistId());
		onlyBuiltInsDisabled();

		this.reconcileJob.run(new RecordingJobContext(this.library.account(), this.spotify));

		assertThat(mapping(slug).status()).isEqualTo(MappingStatus.REMOVED);
		assertThat(this.stored.find(this.library.account(), slug)).contains(before);
	}

	@Test
	void aRuleWhoseQueryFailsFailsItsPushOnlyAndStaysStored() {
		saveAlbum(2);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		// a document stored by an older version that this grammar refuses
		this.jdbc
			.sql("update rule_playlists set document = '{\"name\": \"Never heard\", \"colour\": 1}' "
					+ "where account_id = ? and slug = ?")
			.params(this.library.account().value(), slug)
			.update();

		sim.requests().reset();
		PublishOutcome outcome = this.service.pushNow(this.library.account(), slug, false).orElseThrow();

		assertThat(outcome.failed()).isTrue();
		assertThat(sim.requests().apiTotal()).isZero();
		assertThat(this.stored.find(this.library.account(), slug)).isPresent();
	}

	@Test
	void deletingAndKeepingLeavesThePlaylistOnSpotifyWithoutACall() {
		saveAlbum(2);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		String playlistId = push(slug, false).spotifyPlaylistId();

		sim.requests().reset();
		this.service.deleteRulePlaylist(this.library.account(), slug, false);

		assertThat(sim.requests().apiTotal()).isZero();
		assertThat(this.alice.playlists()).extracting(SimPlaylist::id).contains(playlistId);
		assertThat(this.stored.find(this.library.account(), slug)).isEmpty();
		assertThat(this.mappings.find(this.library.account(), slug)).isEmpty();
	}

	@Test
	void deletingAndUnfollowingRemovesThePlaylistFromTheLibraryInOneCall() {
		saveAlbum(2);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		String playlistId = push(slug, false).spotifyPlaylistId();

		sim.requests().reset();
		this.service.deleteRulePlaylist(this.library.account(), slug, true);

		assertThat(sim.requests().apiTotal()).isOne();
		assertThat(sim.requests().count("DELETE /v1/me/library")).isOne();
		assertThat(this.alice.playlists()).extracting(SimPlaylist::id).doesNotContain(playlistId);
		assertThat(this.stored.find(this.library.account(), slug)).isEmpty();
		assertThat(this.mappings.find(this.library.account(), slug)).isEmpty();
	}

	@Test
	void aFailedUnfollowDeletesNothing() {
		saveAlbum(2);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		String playlistId = push(slug, false).spotifyPlaylistId();
		StoredRulePlaylist before = this.stored.find(this.library.account(), slug).orElseThrow();
		sim.faults().failOn("DELETE /v1/me/library", 0, 403);

		assertThatExceptionOfType(SpotifyException.class)
			.isThrownBy(() -> this.service.deleteRulePlaylist(this.library.account(), slug, true));
		sim.faults().clear();

		assertThat(this.stored.find(this.library.account(), slug)).contains(before);
		assertThat(mapping(slug).spotifyPlaylistId()).isEqualTo(playlistId);
		assertThat(this.alice.playlists()).extracting(SimPlaylist::id).contains(playlistId);
	}

	@Test
	void deletingABuiltInIsRefusedBeforeItsPlaylistIsUnfollowed() {
		saveAlbum(2);
		String playlistId = this.service.pushNow(this.library.account(), SmartPlaylistRule.NEVER_PLAYED)
			.spotifyPlaylistId();
		sim.requests().reset();

		assertThatExceptionOfType(RulePlaylistRefusedException.class)
			.isThrownBy(() -> this.service.deleteRulePlaylist(this.library.account(), "never-played", true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RulePlaylistRefusedException.Reason.READ_ONLY));

		assertThat(sim.requests().apiTotal()).as("Web API calls").isZero();
		assertThat(this.alice.playlists()).extracting(SimPlaylist::id).contains(playlistId);
		assertThat(mapping("never-played").spotifyPlaylistId()).isEqualTo(playlistId);
	}

	@Test
	void aRuleCreatedAgainUnderADeletedRulesNameGetsAPlaylistOfItsOwn() {
		saveAlbum(2);
		String slug = this.rules.create(this.library.account(), NEVER_HEARD).slug();
		String first = push(slug, false).spotifyPlaylistId();
		this.service.deleteRulePlaylist(this.library.account(), slug, false);
		String again = this.rules.create(this.library.account(), NEVER_HEARD).slug();

		PublishOutcome outcome = push(again, false);

		assertThat(again).isEqualTo(slug);
		assertThat(outcome.created()).isTrue();
		assertThat(outcome.spotifyPlaylistId()).isNotEqualTo(first);
	}

	/**
	 * Pushes now, then checks the simulator counted as many Web API calls as the outcome
	 * says.
	 */
	private PublishOutcome push(String slug, boolean confirmEmpty) {
		sim.requests().reset();
		PublishOutcome outcome = this.service.pushNow(this.library.account(), slug, confirmEmpty).orElseThrow();
		assertThat(outcome.failed()).as(String.valueOf(outcome.error())).isFalse();
		assertThat(sim.requests().apiTotal()).as("Web API calls").isEqualTo(outcome.calls());
		return outcome;
	}

	private void onlyBuiltInsDisabled() {
		for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
			this.service.updateSettings(this.library.account(), rule, false, rule.defaultLimit(),
					rule.defaultWindowDays());
		}
	}

	private List<SimTrack> saveAlbum(int tracks) {
		Instant savedAt = this.clock.instant().minus(Duration.ofDays(10)).atOffset(ZoneOffset.UTC).toInstant();
		SimAlbum album = sim.catalog().album("Album " + accountIds.get()).tracks(tracks).build();
		for (SimTrack track : album.tracks()) {
			this.library.track(album.id(), track.id(), track.discNumber(), track.trackNumber());
		}
		this.library.savedAlbum(album.id(), savedAt);
		return album.tracks();
	}

	private PlaylistMapping mapping(String slug) {
		return this.mappings.find(this.library.account(), slug).orElseThrow();
	}

	private List<String> playlistUris(String slug) {
		return this.alice.playlist(mapping(slug).spotifyPlaylistId()).trackUris();
	}

	private static List<String> uris(List<SimTrack> tracks) {
		return tracks.stream().map((track) -> "spotify:track:" + track.id()).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> details(RecordingJobContext context) {
		return (List<Map<String, Object>>) context.details.get("playlists");
	}

}
