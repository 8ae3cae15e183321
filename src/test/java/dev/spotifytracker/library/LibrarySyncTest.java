package dev.spotifytracker.library;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Job;
import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimAlbum;
import dev.spotifytracker.spotify.fake.SimLikedTrack;
import dev.spotifytracker.spotify.fake.SimSavedAlbum;
import dev.spotifytracker.spotify.fake.SimTrack;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library jobs keep the database equal to Spotify within the call bounds of issue 5.
 */
class LibrarySyncTest extends SyncIntegrationTest {

	/** Newer than anything the generated library holds. */
	private static final Instant NOW = LibrarySpec.DEFAULT_ENDING_AT.plusSeconds(3600);

	private SimulatedUser alice;

	private AccountId account;

	@BeforeEach
	void aliceWithAGeneratedLibrary() {
		// 20 saved albums (one of 120 tracks, one of 51 to 100), 120 liked tracks: three
		// pages of likes, so a removal costs a full pass of more than the first page
		this.alice = sim.addUser("alice", "Alice").generateLibrary(LibrarySpec.seed(1).likedTracks(120).plays(30));
		this.account = account("alice");
	}

	@Test
	void aFirstSyncStoresTheLibraryExactlyWithinTheCallBound() {
		// when
		cycle(this.account);

		// then
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
		assertThat(sim.requests().apiTotal()).isLessThanOrEqualTo(LibrarySnapshot.firstSyncBound(this.alice));
		assertThat(stored().albumTracks().values()).anyMatch((tracks) -> tracks.size() == 120);
		assertThat(sim.requests().count("GET /v1/me")).isZero();
	}

	@Test
	void aCycleWithNothingChangedCostsThreeCallsAndChangesNothing() {
		// given
		cycle(this.account);
		sim.requests().reset();

		// when
		List<RecordedRun> runs = cycle(this.account);

		// then
		assertThat(sim.requests().apiTotal()).isLessThanOrEqualTo(3);
		assertThat(runs).allSatisfy((run) -> assertThat(run.result().itemsChanged()).isZero());
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
	}

	@Test
	void newLikesAndSavedAlbumsCostAPagePerFiftyAndTheirExtraPages() {
		// given: 3 new likes and 2 new saved albums, one of 120 tracks (2 extra pages)
		cycle(this.account);
		for (int i = 0; i < 3; i++) {
			this.alice.like(sim.catalog().newTrack("New single " + i), NOW.plusSeconds(i));
		}
		SimAlbum big = sim.catalog().newAlbum("A long one", 120);
		this.alice.saveAlbum(big, NOW);
		this.alice.saveAlbum(sim.catalog().newAlbum("A short one", 9), NOW.plusSeconds(1));
		sim.requests().reset();

		// when
		List<RecordedRun> runs = cycle(this.account);

		// then
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
		assertThat(sim.requests().apiTotal()).isLessThanOrEqualTo(3 + 1 + 1 + 2);
		assertThat(sim.requests().count("GET /v1/albums/{id}/tracks")).isEqualTo(2);
		assertThat(runs.get(0).result().itemsChanged()).isPositive();
	}

	@Test
	void sixtyNewLikesAreReadOnTwoPages() {
		// given
		cycle(this.account);
		for (int i = 0; i < 60; i++) {
			this.alice.like(sim.catalog().newTrack("Liked " + i), NOW.plusSeconds(i));
		}
		sim.requests().reset();

		// when
		cycle(this.account);

		// then
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
		assertThat(sim.requests().count("GET /v1/me/tracks")).isEqualTo(2);
		assertThat(sim.requests().apiTotal()).isLessThanOrEqualTo(3 + 2);
	}

	@Test
	void anUnlikeDeepInTheListIsFoundByTheTotalAndRemovedByAFullPassOfThatListOnly() {
		// given: the oldest like goes (page 3), nothing else changes
		cycle(this.account);
		List<SimLikedTrack> liked = this.alice.likedTracks();
		this.alice.unlike(liked.get(liked.size() - 1).track().id());
		sim.requests().reset();

		// when
		RecordedRun library = run("library", this.account).orThrow();

		// then: the liked list read in full (3 pages), the saved albums' first page only
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
		assertThat(sim.requests().count("GET /v1/me/tracks")).isEqualTo(LibrarySnapshot.pages(liked.size()));
		assertThat(sim.requests().count("GET /v1/me/albums")).isEqualTo(1);
		assertThat(library.context().lines()).anyMatch((line) -> line.contains("Full pass of liked tracks"));
	}

	@Test
	void anUnlikeOnTheFirstPageIsRemovedToo() {
		// given
		cycle(this.account);
		this.alice.unlike(this.alice.likedTracks().get(0).track().id());

		// when
		cycle(this.account);

		// then
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
	}

	@Test
	void anUnsavedAlbumLeavesTheLibraryButItsLikedTrackStaysLiked() {
		// given: an album one of whose tracks is liked
		cycle(this.account);
		SimSavedAlbum withLike = this.alice.savedAlbums()
			.stream()
			.filter((saved) -> saved.album()
				.tracks()
				.stream()
				.anyMatch((track) -> this.alice.likedTracks().stream().anyMatch((l) -> l.track().equals(track))))
			.findFirst()
			.orElseThrow();
		SimTrack likedTrack = withLike.album()
			.tracks()
			.stream()
			.filter((track) -> this.alice.likedTracks().stream().anyMatch((l) -> l.track().equals(track)))
			.findFirst()
			.orElseThrow();
		this.alice.unsaveAlbum(withLike.album().id());

		// when
		cycle(this.account);

		// then
		LibrarySnapshot stored = stored();
		assertThat(stored).isEqualTo(LibrarySnapshot.of(this.alice));
		assertThat(stored.savedAlbums()).doesNotContainKey(withLike.album().id());
		assertThat(stored.likedTracks()).containsKey(likedTrack.id());
		assertThat(count("select count(*) from tracks where id = ?", likedTrack.id())).isOne();
	}

	@Test
	void aNewlySavedAlbumAndAnUnsavedOneInTheSameCycleEndExact() {
		// given: the counts stay equal, only the pages read show the difference
		cycle(this.account);
		this.alice.unsaveAlbum(this.alice.savedAlbums().get(3).album().id());
		this.alice.saveAlbum(sim.catalog().newAlbum("Replacement", 12), NOW);

		// when
		cycle(this.account);

		// then
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
	}

	@Test
	void aTrackThatStopsPlayingOnTheFirstPageIsSeenByTheNextCycle() {
		// given
		cycle(this.account);
		String newest = this.alice.likedTracks().get(0).track().id();
		this.alice.makeUnavailable(newest, "market");
		sim.requests().reset();

		// when
		List<RecordedRun> runs = cycle(this.account);

		// then
		assertThat(stored().availability()).containsEntry(newest, "false:market");
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
		assertThat(sim.requests().apiTotal()).isLessThanOrEqualTo(3);
		assertThat(runs.get(0).result().itemsChanged()).isOne();
	}

	@Test
	void theReconcileSeesAvailabilityChangesDeepInTheLists() {
		// given: the oldest like stops playing, which no first page shows
		cycle(this.account);
		List<SimLikedTrack> liked = this.alice.likedTracks();
		String oldest = liked.get(liked.size() - 1).track().id();
		this.alice.makeUnavailable(oldest, "product");

		// when
		run("reconcile", this.account).orThrow();

		// then
		assertThat(stored().availability()).containsEntry(oldest, "false:product");
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
	}

	@Test
	void aFailureMidwayLeavesThePreviousLibraryAndTheNextRunRepairsIt() {
		// given: a new long album whose second extra page fails
		cycle(this.account);
		LibrarySnapshot before = stored();
		this.alice.saveAlbum(sim.catalog().newAlbum("Fails midway", 150), NOW);
		this.alice.like(sim.catalog().newTrack("Liked meanwhile"), NOW);
		sim.faults().failOn("GET /v1/albums/{id}/tracks", 1, 404);

		// when
		RecordedRun failed = run("library", this.account);

		// then
		assertThat(failed.failure()).isNotNull();
		assertThat(stored()).isEqualTo(before);

		// and when
		sim.faults().clear();
		cycle(this.account);

		// then
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
	}

	@Test
	void thirtyPercentRateLimitedCallsStillEndExact() {
		// given
		sim.faults().rateLimitRandomly(0.3, 1, 42);

		// when
		cycle(this.account);
		this.alice.unlike(this.alice.likedTracks().get(5).track().id());
		this.alice.saveAlbum(sim.catalog().newAlbum("While rate limited", 60), NOW);
		cycle(this.account);

		// then
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
		sim.assertNoEarlyRetries();
	}

	@Test
	void aRelinkedLikedTrackReplacesItsOriginalWithoutAFullPass() {
		// given: the newest like is served under another id from now on
		cycle(this.account);
		SimTrack original = this.alice.likedTracks().get(0).track();
		SimTrack relinked = sim.catalog().relinkedCopyOf(original);
		this.alice.relink(original.id(), relinked);
		sim.requests().reset();

		// when
		run("library", this.account).orThrow();

		// then
		LibrarySnapshot stored = stored();
		assertThat(stored.likedTracks()).containsKey(relinked.id()).doesNotContainKey(original.id());
		assertThat(stored.likedTracks()).hasSameSizeAs(this.alice.likedTracks());
		assertThat(sim.requests().count("GET /v1/me/tracks")).isOne();
	}

	@Test
	void twoLikesRelinkedToOneTrackCostOneFullPassNotOneEveryCycle() {
		// given: the two newest likes are served as one track from now on, so Spotify
		// counts one like more than the database can ever hold
		cycle(this.account);
		List<SimLikedTrack> liked = this.alice.likedTracks();
		SimTrack shared = sim.catalog().relinkedCopyOf(liked.get(0).track());
		this.alice.relink(liked.get(0).track().id(), shared);
		this.alice.relink(liked.get(1).track().id(), shared);
		RecordedRun noticed = run("library", this.account).orThrow();
		sim.requests().reset();

		// when
		List<RecordedRun> runs = cycle(this.account);

		// then
		assertThat(noticed.context().lines()).anyMatch((line) -> line.contains("Full pass of liked tracks"));
		assertThat(sim.requests().count("GET /v1/me/tracks")).isOne();
		assertThat(sim.requests().apiTotal()).isLessThanOrEqualTo(3);
		assertThat(runs).allSatisfy((run) -> assertThat(run.result().itemsChanged()).isZero());
		assertThat(count("select count(*) from liked_tracks")).isEqualTo(liked.size() - 1);
		assertThat(stored().likedTracks()).containsKey(shared.id());
	}

	@Test
	void aLikeSpotifyServesWithoutItsTrackIsLeftOutAndCostsNoFullPassAfterTheFirst() {
		// given: one like on the second page comes with "track": null
		SimLikedTrack withdrawn = this.alice.likedTracks().get(60);
		this.alice.withdraw(withdrawn.track().id());

		// when
		cycle(this.account);
		run("reconcile", this.account).orThrow();
		sim.requests().reset();
		cycle(this.account);

		// then
		LibrarySnapshot expected = LibrarySnapshot.of(this.alice);
		assertThat(stored().likedTracks()).hasSize(expected.likedTracks().size() - 1)
			.doesNotContainKey(withdrawn.track().id())
			.containsAllEntriesOf(withoutKey(expected.likedTracks(), withdrawn.track().id()));
		assertThat(sim.requests().apiTotal()).isLessThanOrEqualTo(3);
	}

	private static <V> Map<String, V> withoutKey(Map<String, V> map, String key) {
		Map<String, V> copy = new HashMap<>(map);
		copy.remove(key);
		return copy;
	}

	@Test
	void theReconcileEstimatesItsCallsExactlyBeforeItStarts() {
		// given: the budget check needs the cost of a reconcile before it makes a call
		cycle(this.account);
		sim.requests().reset();
		Job reconcile = this.jobs.stream().filter((job) -> job.name().equals("reconcile")).findFirst().orElseThrow();

		// when
		int estimate = reconcile.estimatedCalls(this.account);
		run("reconcile", this.account).orThrow();

		// then
		assertThat(estimate).isEqualTo(sim.requests().apiTotal()).isGreaterThan(3);
	}

	@Test
	void theReconcileRemovesCatalogRowsNothingRefersToButKeepsPlayedOnes() {
		// given: two tracks of an album leave the library; one of them was played
		cycle(this.account);
		SimSavedAlbum saved = this.alice.savedAlbums()
			.stream()
			.filter((entry) -> entry.album().tracks().size() > 3)
			.findFirst()
			.orElseThrow();
		for (SimTrack track : saved.album().tracks()) {
			this.alice.unlike(track.id());
		}
		SimTrack played = saved.album().tracks().get(0);
		this.alice.play(played, NOW, null);
		run("plays", this.account).orThrow();
		this.alice.unsaveAlbum(saved.album().id());
		int plays = count("select count(*) from plays");

		// when
		run("reconcile", this.account).orThrow();

		// then
		assertThat(stored()).isEqualTo(LibrarySnapshot.of(this.alice));
		List<String> left = this.jdbc.sql("select id from tracks where album_id = ? order by id")
			.param(saved.album().id())
			.query(String.class)
			.list();
		List<String> playedOfAlbum = this.jdbc.sql(
				"select distinct p.track_id from plays p join tracks t on t.id = p.track_id where t.album_id = ? order by 1")
			.param(saved.album().id())
			.query(String.class)
			.list();
		assertThat(left).isEqualTo(playedOfAlbum).contains(played.id()).hasSizeLessThan(saved.album().tracks().size());
		assertThat(count("select count(*) from albums where id = ?", saved.album().id())).isOne();
		assertThat(count("select count(*) from plays")).isEqualTo(plays);
	}

	private LibrarySnapshot stored() {
		return LibrarySnapshot.stored(this.jdbc, this.account);
	}

	private int count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Integer.class).single();
	}

}
