package dev.spotifytracker.playlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.spotifytracker.spotify.SpotifyAccountOnHoldException;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.SpotifyClients;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.spotifytracker.playlist.SmartPlaylistRule.MOST_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.NEVER_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.OLDEST_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.PLAYED_ONCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Publishing against the Spotify simulator over real HTTP, through the application's
 * Spotify client. After every push the simulator's playlist must hold exactly the rule's
 * list; the calls are counted by the simulator.
 */
@IntegrationTest
@Import(PlaylistPublisherTest.SimulatorAccess.class)
class PlaylistPublisherTest {

	static final SpotifySimulator sim = SpotifySimulator.start();

	static final String ITEMS = "/v1/playlists/{id}/items";

	static final String CREATE = "POST /v1/me/playlists";

	static final String MY_PLAYLISTS = "GET /v1/me/playlists";

	/**
	 * Each test's account gets an id of its own: the client caches tokens per account.
	 */
	static final AtomicLong accountIds = new AtomicLong(1000);

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
	PlaylistPublisher publisher;

	@Autowired
	PlaylistReconciler reconciler;

	@Autowired
	PlaylistQueries queries;

	@Autowired
	PlaylistMappingRepository mappings;

	@Autowired
	PlaylistService service;

	@Autowired
	PlaylistsJob playlistsJob;

	@Autowired
	PlaylistsReconcileJob reconcileJob;

	@Autowired
	SpotifyClients clients;

	@Autowired
	SimulatorCredentials credentials;

	@Autowired
	Clock clock;

	SimulatedUser alice;

	TestLibrary library;

	SpotifyClient spotify;

	Instant now;

	@BeforeEach
	void anAccountOnTheSimulator() {
		sim.reset();
		this.alice = sim.addUser("alice", "Alice");
		this.library = TestLibrary.aLibrary(this.jdbc, "alice", accountIds.incrementAndGet());
		this.credentials.put(this.library.account(), sim.issueRefreshToken("alice"));
		this.spotify = this.clients.forAccount(this.library.account());
		this.now = this.clock.instant();
	}

	@AfterEach
	void theSimulatorSawNoContractBreach() {
		sim.assertNoViolations();
	}

	@Test
	void aRuleWithoutPlaylistGetsAPrivatePlaylistCreatedAndFilled() {
		saveAlbum(3, daysAgo(10));

		PublishOutcome outcome = push(NEVER_PLAYED);

		assertThat(outcome.created()).isTrue();
		assertThat(outcome.tracks()).isEqualTo(3);
		assertThat(outcome.calls()).isEqualTo(2);
		assertThat(sim.requests().count("POST /v1/me/playlists")).isEqualTo(1);
		assertThat(sim.requests().count("POST " + ITEMS)).isEqualTo(1);
		SimPlaylist playlist = this.alice.playlists().get(0);
		assertThat(playlist.name()).isEqualTo("Never Played");
		assertThat(playlist.isPublic()).isFalse();
		assertThat(playlist.description()).contains("never played").contains("Updated automatically");
		PlaylistMapping mapping = mapping(NEVER_PLAYED);
		assertThat(mapping.spotifyPlaylistId()).isEqualTo(playlist.id());
		assertThat(mapping.snapshotId()).isEqualTo(playlist.snapshotId());
		assertThat(mapping.status()).isEqualTo(MappingStatus.ACTIVE);
	}

	@Test
	void anEmptyRuleStillGetsItsPlaylistWithNothingToWrite() {
		PublishOutcome outcome = push(NEVER_PLAYED);

		assertThat(outcome.created()).isTrue();
		assertThat(outcome.calls()).isEqualTo(1);
		assertThat(this.alice.playlists()).singleElement().satisfies((p) -> assertThat(p.size()).isZero());
	}

	@Test
	void oneTrackPlayedOutOfNeverPlayedCostsOneCall() {
		List<SimTrack> tracks = saveAlbum(1000, daysAgo(10));
		assertThat(push(NEVER_PLAYED).calls()).isEqualTo(11);

		this.library.played(tracks.get(500).id(), this.now);
		PublishOutcome outcome = push(NEVER_PLAYED);

		assertThat(outcome.calls()).isEqualTo(1);
		assertThat(sim.requests().count("DELETE " + ITEMS)).isEqualTo(1);
		assertThat(outcome.tracks()).isEqualTo(999);
		assertThat(outcome.removed()).isEqualTo(1);
		assertThat(outcome.change()).isEqualTo("edit");
	}

	@Test
	void aNewTrackOnTopCostsOneCall() {
		saveAlbum(500, daysAgo(10));
		push(NEVER_PLAYED);

		SimTrack single = sim.catalog().newTrack("Fresh");
		this.library.track(single.album().id(), single.id(), 1, 1).liked(single.id(), this.now);
		PublishOutcome outcome = push(NEVER_PLAYED);

		assertThat(outcome.calls()).isEqualTo(1);
		assertThat(sim.requests().count("POST " + ITEMS)).isEqualTo(1);
		assertThat(sim.requests().of("POST " + ITEMS)).singleElement()
			.satisfies((insert) -> assertThat(insert.status()).isEqualTo(201));
		assertThat(playlistUris(NEVER_PLAYED).get(0)).isEqualTo(single.uri());
		assertThat(outcome.added()).isEqualTo(1);
	}

	@Test
	void aReorderMovesOnlyTheTrackThatMoved() {
		List<SimTrack> tracks = saveAlbum(300, daysAgo(400));
		for (int i = 0; i < tracks.size(); i++) {
			this.library.played(tracks.get(i).id(), daysAgo(300).plusSeconds(i), daysAgo(200).plusSeconds(i));
		}
		onlyEnabled(OLDEST_PLAYED);
		push(OLDEST_PLAYED);

		// the longest unplayed track is played again: it moves from the top to the bottom
		this.library.played(tracks.get(0).id(), this.now);
		PublishOutcome outcome = push(OLDEST_PLAYED);

		assertThat(outcome.calls()).isEqualTo(2);
		assertThat(sim.requests().count("DELETE " + ITEMS)).isEqualTo(1);
		assertThat(sim.requests().count("POST " + ITEMS)).isEqualTo(1);
		assertThat(playlistUris(OLDEST_PLAYED).get(299)).isEqualTo(tracks.get(0).uri());
	}

	@Test
	void aFullRewriteIsSentAsTheCheaperFullReplace() {
		List<SimTrack> old = saveAlbum(150, daysAgo(20));
		push(NEVER_PLAYED);

		old.forEach((track) -> this.library.played(track.id(), this.now));
		saveAlbum(150, daysAgo(5));
		PublishOutcome outcome = push(NEVER_PLAYED);

		// an edit script would take 2 DELETEs and 2 POSTs
		assertThat(outcome.change()).isEqualTo("replace");
		assertThat(outcome.calls()).isEqualTo(2);
		assertThat(sim.requests().count("PUT " + ITEMS)).isEqualTo(1);
		assertThat(sim.requests().count("POST " + ITEMS)).isEqualTo(1);
		assertThat(outcome.added()).isEqualTo(150);
		assertThat(outcome.removed()).isEqualTo(150);
	}

	@Test
	void nothingChangedMeansNoCallAtAll() {
		saveAlbum(250, daysAgo(10));
		push(NEVER_PLAYED);

		PublishOutcome outcome = push(NEVER_PLAYED);

		assertThat(outcome.change()).isEqualTo("none");
		assertThat(outcome.calls()).isZero();
		assertThat(sim.requests().total()).isZero();
	}

	@Test
	void aPlaylistEditedByHandIsReplacedInFullAfterTheDailyCheck() {
		saveAlbum(120, daysAgo(10));
		push(NEVER_PLAYED);
		String playlistId = mapping(NEVER_PLAYED).spotifyPlaylistId();
		List<String> edited = new ArrayList<>(playlistUris(NEVER_PLAYED).subList(0, 30));
		Collections.reverse(edited);
		this.alice.editPlaylistByHand(playlistId, edited);

		sim.requests().reset();
		PlaylistReconciler.ReconcileOutcome checked = this.reconciler.reconcile(this.library.account(), this.spotify);

		assertThat(checked).isEqualTo(new PlaylistReconciler.ReconcileOutcome(1, 1, 0, 1));
		assertThat(sim.requests().count("GET /v1/me/playlists")).isEqualTo(1);
		assertThat(mapping(NEVER_PLAYED).status()).isEqualTo(MappingStatus.INCOMPLETE);

		PublishOutcome outcome = push(NEVER_PLAYED);

		assertThat(outcome.change()).isEqualTo("replace");
		assertThat(outcome.calls()).isEqualTo(2);
		assertThat(mapping(NEVER_PLAYED).status()).isEqualTo(MappingStatus.ACTIVE);
	}

	@Test
	void aPlaylistLeftAsWePushedItPassesTheDailyCheckAndCostsNothingMore() {
		saveAlbum(20, daysAgo(10));
		push(NEVER_PLAYED);

		PlaylistReconciler.ReconcileOutcome checked = this.reconciler.reconcile(this.library.account(), this.spotify);

		assertThat(checked).isEqualTo(new PlaylistReconciler.ReconcileOutcome(1, 0, 0, 1));
		assertThat(push(NEVER_PLAYED).calls()).isZero();
	}

	@Test
	void theDailyCheckReadsTheUsersPlaylistsFiftyAtATime() {
		for (int i = 0; i < 120; i++) {
			this.alice.createPlaylist("Mine " + i);
		}
		saveAlbum(5, daysAgo(10));
		push(NEVER_PLAYED);
		// ours is the newest, on top; move it to the bottom of the library by adding more
		for (int i = 0; i < 10; i++) {
			this.alice.createPlaylist("Newer " + i);
		}

		PlaylistReconciler.ReconcileOutcome checked = this.reconciler.reconcile(this.library.account(), this.spotify);

		assertThat(checked.calls()).isEqualTo(3);
		assertThat(checked.removed()).isZero();
		assertThat(sim.requests().of("GET /v1/me/playlists")).hasSize(3);
	}

	@Test
	void aPlaylistTheUserRemovedIsMarkedAndLeftAloneUntilTheyRecreateIt() {
		List<SimTrack> tracks = saveAlbum(10, daysAgo(10));
		push(NEVER_PLAYED);
		SimPlaylist old = this.alice.playlist(mapping(NEVER_PLAYED).spotifyPlaylistId());
		List<String> before = old.trackUris();
		this.alice.removePlaylistFromLibrary(old.id());
		this.library.played(tracks.get(0).id(), this.now);

		PlaylistReconciler.ReconcileOutcome checked = this.reconciler.reconcile(this.library.account(), this.spotify);
		sim.requests().reset();
		PublishOutcome skipped = this.publisher.publish(this.library.account(), settings(NEVER_PLAYED), this.spotify);

		assertThat(checked.removed()).isEqualTo(1);
		assertThat(skipped.change()).isEqualTo("skipped");
		assertThat(sim.requests().total()).isZero();
		assertThat(old.trackUris()).isEqualTo(before);
		assertThat(mapping(NEVER_PLAYED).status()).isEqualTo(MappingStatus.REMOVED);
		assertThat(this.service.preview(this.library.account(), NEVER_PLAYED).plannedCalls()).isZero();

		PublishedPlaylist recreated = this.service.recreate(this.library.account(), NEVER_PLAYED);
		PublishOutcome outcome = push(NEVER_PLAYED);

		assertThat(recreated.spotifyPlaylistId()).isNotEqualTo(old.id());
		assertThat(outcome.tracks()).isEqualTo(9);
		assertThat(old.trackUris()).isEqualTo(before);
		assertThat(mapping(NEVER_PLAYED).status()).isEqualTo(MappingStatus.ACTIVE);
	}

	@Test
	void aPushFailingMidwayIsMarkedIncompleteAndRepairedByTheNextRun() {
		saveAlbum(250, daysAgo(10));
		sim.faults().failOn("POST " + ITEMS, 1, 500);

		assertThatExceptionOfType(PlaylistPublisher.PushFailedException.class)
			.isThrownBy(() -> this.publisher.publish(this.library.account(), settings(NEVER_PLAYED), this.spotify))
			.satisfies((ex) -> assertThat(ex.outcome().status()).isEqualTo(MappingStatus.INCOMPLETE));
		PlaylistMapping broken = mapping(NEVER_PLAYED);
		assertThat(broken.status()).isEqualTo(MappingStatus.INCOMPLETE);
		assertThat(this.alice.playlist(broken.spotifyPlaylistId()).size()).isEqualTo(100);

		sim.faults().clear();
		PublishOutcome repaired = push(NEVER_PLAYED);

		assertThat(repaired.change()).isEqualTo("replace");
		assertThat(repaired.calls()).isEqualTo(3);
		assertThat(repaired.created()).isFalse();
		assertThat(this.alice.playlists()).hasSize(1);
		assertThat(mapping(NEVER_PLAYED).status()).isEqualTo(MappingStatus.ACTIVE);
	}

	@Test
	void aPlaylistCreatedByAPushWhoseAnswerWasLostIsFoundByTheNextPushInsteadOfASecondOne() {
		saveAlbum(3, daysAgo(10));
		sim.faults().dropAnswerOf(CREATE, 1);
		assertThatExceptionOfType(PlaylistPublisher.PushFailedException.class)
			.isThrownBy(() -> this.publisher.publish(this.library.account(), settings(NEVER_PLAYED), this.spotify));
		SimPlaylist madeUnanswered = this.alice.playlists().get(0);

		PublishOutcome next = push(NEVER_PLAYED);

		assertThat(this.alice.playlists()).singleElement().extracting(SimPlaylist::id).isEqualTo(madeUnanswered.id());
		assertThat(mapping(NEVER_PLAYED).spotifyPlaylistId()).isEqualTo(madeUnanswered.id());
		assertThat(playlistUris(NEVER_PLAYED)).isEqualTo(desiredUris(NEVER_PLAYED)).hasSize(3);
		assertThat(next.created()).isFalse();
		assertThat(next.calls()).as("one look at the user's playlists, one write").isEqualTo(2);
		assertThat(sim.requests().count(MY_PLAYLISTS)).isEqualTo(1);
		assertThat(sim.requests().count(CREATE)).isZero();
	}

	@Test
	void aPushThatCreatedItsPlaylistNormallyNeverLooksThroughTheUsersPlaylists() {
		saveAlbum(3, daysAgo(10));

		PublishOutcome first = push(NEVER_PLAYED);
		int looksAtFirst = sim.requests().count(MY_PLAYLISTS);
		this.library.played(firstTrack(NEVER_PLAYED), this.now);
		PublishOutcome second = push(NEVER_PLAYED);

		assertThat(first.created()).isTrue();
		assertThat(first.calls()).as("create, add").isEqualTo(2);
		assertThat(second.calls()).as("remove").isEqualTo(1);
		assertThat(looksAtFirst).isZero();
		assertThat(sim.requests().count(MY_PLAYLISTS)).isZero();
	}

	@Test
	void aCreationSpotifyRefusedIsCreatedAgainWithoutLookingForIt() {
		saveAlbum(3, daysAgo(10));
		sim.faults().failOn(CREATE, 0, 403);
		assertThatExceptionOfType(PlaylistPublisher.PushFailedException.class)
			.isThrownBy(() -> this.publisher.publish(this.library.account(), settings(NEVER_PLAYED), this.spotify));
		sim.faults().clear();

		PublishOutcome next = push(NEVER_PLAYED);

		assertThat(next.created()).isTrue();
		assertThat(next.calls()).isEqualTo(2);
		assertThat(sim.requests().count(MY_PLAYLISTS)).isZero();
		assertThat(this.alice.playlists()).hasSize(1);
	}

	@Test
	void aLostCreationSpotifyNeverCarriedOutIsCreatedOnceAndTheUsersLookAlikeIsLeftAlone() {
		saveAlbum(3, daysAgo(10));
		SimPlaylist handMade = this.alice.createPlaylist("Never Played");
		sim.faults().serverErrorNext(1, 502);
		assertThatExceptionOfType(PlaylistPublisher.PushFailedException.class)
			.isThrownBy(() -> this.publisher.publish(this.library.account(), settings(NEVER_PLAYED), this.spotify));

		PublishOutcome next = push(NEVER_PLAYED);
		int looksAtNext = sim.requests().count(MY_PLAYLISTS);
		PublishOutcome after = push(NEVER_PLAYED);

		assertThat(next.created()).isTrue();
		assertThat(next.calls()).as("one look, create, add").isEqualTo(3);
		assertThat(looksAtNext).isEqualTo(1);
		assertThat(after.calls()).as("the note is gone: nothing to look for, nothing changed").isZero();
		assertThat(this.alice.playlists()).hasSize(2);
		assertThat(mapping(NEVER_PLAYED).spotifyPlaylistId()).isNotEqualTo(handMade.id());
		assertThat(this.alice.playlist(handMade.id()).size()).isZero();
	}

	@Test
	void aDescriptionSpotifyGivesBackWithHtmlEntitiesMatchesTheOneSent() {
		assertThat(PlaylistPublisher.sameDescription("Tracks you&#x27;ve never played &amp; more",
				"Tracks you've never played & more"))
			.isTrue();
		assertThat(PlaylistPublisher.sameDescription("Something else", "Tracks you've never played")).isFalse();
	}

	@Test
	void whenSpotifyAsksToWaitTheRunStopsAndThePlaylistIsReplacedNextTime() {
		List<SimTrack> tracks = saveAlbum(300, daysAgo(10));
		onlyEnabled(NEVER_PLAYED, PLAYED_ONCE);
		push(NEVER_PLAYED);
		for (int i = 0; i < 150; i++) {
			this.library.played(tracks.get(i * 2).id(), daysAgo(1));
		}
		RecordingJobContext context = new RecordingJobContext(this.library.account(), this.spotify);
		sim.faults().quotaExceeded(86_400);

		assertThatExceptionOfType(SpotifyAccountOnHoldException.class).isThrownBy(() -> this.playlistsJob.run(context));

		assertThat(mapping(NEVER_PLAYED).status()).isEqualTo(MappingStatus.INCOMPLETE);
		assertThat(this.mappings.find(this.library.account(), PLAYED_ONCE.slug())).isEmpty();
		assertThat(details(context)).singleElement()
			.satisfies((detail) -> assertThat(detail).containsEntry("change", "failed"));

		sim.faults().clear();
		this.credentials.clearHold(this.library.account());
		PublishOutcome repaired = push(NEVER_PLAYED);

		assertThat(repaired.change()).isEqualTo("replace");
		assertThat(repaired.tracks()).isEqualTo(150);
	}

	@Test
	void theJobPushesEveryEnabledRuleAndReportsEachPlaylist() {
		List<SimTrack> tracks = saveAlbum(40, daysAgo(10));
		for (int i = 0; i < 10; i++) {
			this.library.played(tracks.get(i).id(), daysAgo(i + 1));
		}
		onlyEnabled(NEVER_PLAYED, PLAYED_ONCE, MOST_PLAYED);
		RecordingJobContext first = new RecordingJobContext(this.library.account(), this.spotify);

		sim.requests().reset();
		var result = this.playlistsJob.run(first);

		assertThat(this.alice.playlists()).extracting(SimPlaylist::name)
			.containsExactlyInAnyOrder("Never Played", "Played Once", "Most Played");
		assertThat(details(first)).extracting((detail) -> detail.get("slug"))
			.containsExactly("never-played", "played-once", "most-played");
		assertThat(details(first)).extracting((detail) -> detail.get("tracks")).containsExactly(30, 10, 10);
		assertThat(details(first)).extracting((detail) -> detail.get("calls")).containsExactly(2, 2, 2);
		assertThat(sim.requests().apiTotal()).isEqualTo(6);
		assertThat(result.itemsChanged()).isEqualTo(50);
		assertThat(first.progress).extracting((p) -> p[0] + "/" + p[1]).containsExactly("1/3", "2/3", "3/3");
		assertThat(first.lines)
			.contains("INFO Never Played: 30 tracks, 30 added, 0 removed, 2 calls (edit, playlist created)");
		for (SmartPlaylistRule rule : List.of(NEVER_PLAYED, PLAYED_ONCE, MOST_PLAYED)) {
			assertThat(playlistUris(rule)).isEqualTo(desiredUris(rule));
		}

		this.library.played(tracks.get(20).id(), this.now);
		RecordingJobContext second = new RecordingJobContext(this.library.account(), this.spotify);
		sim.requests().reset();
		var again = this.playlistsJob.run(second);

		// never played loses one (DELETE), played once gains it on top (POST); most
		// played:
		// a PUT of 11 tracks
		assertThat(details(second)).extracting((detail) -> detail.get("calls")).containsExactly(1, 1, 1);
		assertThat(sim.requests().apiTotal()).isEqualTo(3);
		assertThat(again.itemsChanged()).isEqualTo(3);
		assertThat(again.message()).isEqualTo("3 playlists, 3 updated, 3 Spotify calls");
		for (SmartPlaylistRule rule : List.of(NEVER_PLAYED, PLAYED_ONCE, MOST_PLAYED)) {
			assertThat(playlistUris(rule)).isEqualTo(desiredUris(rule));
		}
	}

	@Test
	void aDisabledRuleIsNeitherCreatedNorTouched() {
		saveAlbum(5, daysAgo(10));
		onlyEnabled(NEVER_PLAYED, PLAYED_ONCE);
		this.playlistsJob.run(new RecordingJobContext(this.library.account(), this.spotify));
		List<String> before = playlistUris(NEVER_PLAYED);

		onlyEnabled(PLAYED_ONCE);
		this.library.played(firstTrack(NEVER_PLAYED), this.now);
		RecordingJobContext context = new RecordingJobContext(this.library.account(), this.spotify);
		this.playlistsJob.run(context);

		assertThat(details(context)).extracting((detail) -> detail.get("slug")).containsExactly("played-once");
		assertThat(playlistUris(NEVER_PLAYED)).isEqualTo(before).hasSize(5);
		assertThat(this.alice.playlists()).hasSize(2);
		assertThat(this.mappings.find(this.library.account(), MOST_PLAYED.slug())).isEmpty();
	}

	@Test
	void theReconcileJobChecksSnapshotsThenPushes() {
		onlyEnabled(NEVER_PLAYED);
		saveAlbum(30, daysAgo(10));
		push(NEVER_PLAYED);
		this.alice.editPlaylistByHand(mapping(NEVER_PLAYED).spotifyPlaylistId(), List.of());
		RecordingJobContext context = new RecordingJobContext(this.library.account(), this.spotify);

		sim.requests().reset();
		var result = this.reconcileJob.run(context);

		assertThat(this.reconcileJob.lockGroup()).isEqualTo(this.playlistsJob.name());
		assertThat(context.details.get("reconcile"))
			.isEqualTo(Map.of("checked", 1, "edited", 1, "removed", 0, "calls", 1));
		assertThat(details(context)).singleElement()
			.satisfies((detail) -> assertThat(detail).containsEntry("change", "replace"));
		assertThat(sim.requests().apiTotal()).isEqualTo(2);
		assertThat(result.message()).startsWith("Checked 1 playlists (1 edited, 0 removed)");
		assertThat(playlistUris(NEVER_PLAYED)).isEqualTo(desiredUris(NEVER_PLAYED));
	}

	@Test
	void aPlaylistTheUserOwnsCanBeLinkedByItsLinkAndIsReplacedAtTheNextPush() {
		saveAlbum(12, daysAgo(10));
		SimPlaylist mine = this.alice.createPlaylist("My forgotten tracks");
		this.alice.editPlaylistByHand(mine.id(), List.of(sim.catalog().newTrack("Old").uri()));

		PublishedPlaylist linked = this.service.link(this.library.account(), NEVER_PLAYED,
				"https://open.spotify.com/playlist/" + mine.id() + "?si=abc");
		PublishOutcome outcome = push(NEVER_PLAYED);

		assertThat(linked.name()).isEqualTo("My forgotten tracks");
		assertThat(linked.status()).isEqualTo(MappingStatus.INCOMPLETE);
		assertThat(outcome.created()).isFalse();
		assertThat(outcome.change()).isEqualTo("replace");
		assertThat(mine.trackUris()).isEqualTo(desiredUris(NEVER_PLAYED));
		assertThat(this.alice.playlists()).hasSize(1);
	}

	@Test
	void onlyAPlaylistTheUserOwnsAndKeepsInTheirLibraryCanBeLinked() {
		SimulatedUser bob = sim.addUser("bob", "Bob");
		SimPlaylist bobs = bob.createPlaylist("Bob's");
		this.alice.followPlaylist(bobs.id());
		SimPlaylist hidden = bob.createPlaylist("Not followed");

		assertThatExceptionOfType(PlaylistActionException.class)
			.isThrownBy(() -> this.service.link(this.library.account(), NEVER_PLAYED, bobs.uri()))
			.withMessageContaining("belongs to bob");
		assertThatExceptionOfType(PlaylistActionException.class)
			.isThrownBy(() -> this.service.link(this.library.account(), NEVER_PLAYED, hidden.id()))
			.withMessageContaining("not in your Spotify library");
		assertThat(this.mappings.find(this.library.account(), NEVER_PLAYED.slug())).isEmpty();
	}

	@Test
	void aPlaylistThatHoldsAnotherRuleCannotBeLinkedTwice() {
		push(NEVER_PLAYED);
		String used = mapping(NEVER_PLAYED).spotifyPlaylistId();

		assertThatExceptionOfType(PlaylistActionException.class)
			.isThrownBy(() -> this.service.link(this.library.account(), MOST_PLAYED, used))
			.withMessageContaining("already holds Never Played");
	}

	/**
	 * Pushes the rule, then checks the simulator holds exactly the rule's list and
	 * counted as many Web API calls as the outcome says.
	 */
	private PublishOutcome push(SmartPlaylistRule rule) {
		sim.requests().reset();
		PublishOutcome outcome = this.publisher.publish(this.library.account(), settings(rule), this.spotify);
		assertThat(outcome.failed()).isFalse();
		assertThat(sim.requests().apiTotal()).as("Web API calls").isEqualTo(outcome.calls());
		assertThat(playlistUris(rule)).isEqualTo(desiredUris(rule));
		PlaylistMapping mapping = mapping(rule);
		assertThat(mapping.snapshotId()).isEqualTo(this.alice.playlist(mapping.spotifyPlaylistId()).snapshotId());
		return outcome;
	}

	private List<SimTrack> saveAlbum(int tracks, Instant savedAt) {
		SimAlbum album = sim.catalog().album("Album " + accountIds.get() + "-" + savedAt).tracks(tracks).build();
		for (SimTrack track : album.tracks()) {
			this.library.track(album.id(), track.id(), track.discNumber(), track.trackNumber());
		}
		this.library.savedAlbum(album.id(), savedAt);
		return album.tracks();
	}

	private void onlyEnabled(SmartPlaylistRule... rules) {
		List<SmartPlaylistRule> enabled = List.of(rules);
		for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
			this.service.updateSettings(this.library.account(), rule, enabled.contains(rule), rule.defaultLimit(),
					rule.defaultWindowDays());
		}
	}

	private RuleSettings settings(SmartPlaylistRule rule) {
		return this.service.rule(this.library.account(), rule).settings();
	}

	private PlaylistMapping mapping(SmartPlaylistRule rule) {
		return this.mappings.find(this.library.account(), rule.slug()).orElseThrow();
	}

	private List<String> playlistUris(SmartPlaylistRule rule) {
		return this.alice.playlist(mapping(rule).spotifyPlaylistId()).trackUris();
	}

	private List<String> desiredUris(SmartPlaylistRule rule) {
		return this.queries.select(this.library.account(), settings(rule), this.clock.instant())
			.trackIds()
			.stream()
			.map((id) -> "spotify:track:" + id)
			.toList();
	}

	private String firstTrack(SmartPlaylistRule rule) {
		return playlistUris(rule).get(0).substring("spotify:track:".length());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> details(RecordingJobContext context) {
		return (List<Map<String, Object>>) context.details.get("playlists");
	}

	private Instant daysAgo(int days) {
		return this.now.minus(Duration.ofDays(days));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SimulatorAccess {

		@Bean
		@Primary
		SimulatorCredentials simulatorCredentials() {
			return new SimulatorCredentials();
		}

	}

}
