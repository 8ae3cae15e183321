package dev.spotifytracker.playlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.spotifytracker.job.JobGroupLocks;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.TestSpotify;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.spotifytracker.playlist.SmartPlaylistRule.LIKED_LAST_30_DAYS;
import static dev.spotifytracker.playlist.SmartPlaylistRule.MOST_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.NEVER_PLAYED;
import static dev.spotifytracker.playlist.TestLibrary.aLibrary;
import static dev.spotifytracker.playlist.TestLibrary.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The module's public face without Spotify: settings, exclusions and previews.
 */
@IntegrationTest
class PlaylistServiceTest {

	@Autowired
	PlaylistService service;

	@Autowired
	PlaylistMappingRepository mappings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	JobGroupLocks locks;

	Instant now;

	@BeforeEach
	void now() {
		this.now = this.clock.instant();
	}

	@Test
	void everyRuleHasItsDefaultsUntilTheAccountChangesThem() {
		TestLibrary library = aLibrary(this.jdbc, "alice");

		List<PlaylistRuleView> rules = this.service.rules(library.account());

		assertThat(rules).extracting(PlaylistRuleView::rule).containsExactly(SmartPlaylistRule.values());
		assertThat(rules)
			.allMatch((view) -> view.settings().enabled() && view.settings().isDefault() && view.playlist() == null);
		assertThat(rules).extracting((view) -> view.settings().limit())
			.containsExactly(1000, 1000, 1000, 50, 1000, 1000);
		assertThat(rules).extracting((view) -> view.settings().windowDays())
			.containsExactly(null, null, null, null, 30, 30);
	}

	@Test
	void changedSettingsAreKeptPerAccount() {
		TestLibrary alice = aLibrary(this.jdbc, "alice");
		TestLibrary bob = alice.anotherAccount("bob");

		this.service.updateSettings(alice.account(), LIKED_LAST_30_DAYS, false, 200, 7);
		this.service.updateSettings(alice.account(), MOST_PLAYED, true, 10_000, null);

		assertThat(this.service.rule(alice.account(), LIKED_LAST_30_DAYS).settings())
			.isEqualTo(new RuleSettings(LIKED_LAST_30_DAYS, false, 200, 7, false));
		assertThat(this.service.rule(alice.account(), MOST_PLAYED).settings())
			.isEqualTo(new RuleSettings(MOST_PLAYED, true, 10_000, null, false));
		assertThat(this.service.rule(bob.account(), LIKED_LAST_30_DAYS).settings())
			.isEqualTo(LIKED_LAST_30_DAYS.defaults());
	}

	@Test
	void invalidSettingsAreRefusedWithAMessagePerFieldAndNothingIsSaved() {
		TestLibrary library = aLibrary(this.jdbc, "alice");

		assertThatExceptionOfType(InvalidRuleSettingsException.class)
			.isThrownBy(() -> this.service.updateSettings(library.account(), LIKED_LAST_30_DAYS, true, 10_001, 0))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).containsOnlyKeys("limit", "windowDays"));
		assertThatExceptionOfType(InvalidRuleSettingsException.class)
			.isThrownBy(() -> this.service.updateSettings(library.account(), NEVER_PLAYED, true, null, 30))
			.satisfies(
					(ex) -> assertThat(ex.fieldErrors()).containsEntry("windowDays", "Never Played has no day window.")
						.containsKey("limit"));
		assertThatExceptionOfType(InvalidRuleSettingsException.class)
			.isThrownBy(() -> this.service.updateSettings(library.account(), LIKED_LAST_30_DAYS, true, 0, null))
			.satisfies((ex) -> assertThat(ex.fieldErrors()).containsOnlyKeys("limit", "windowDays"));

		assertThat(this.service.rules(library.account())).allMatch((view) -> view.settings().isDefault());
	}

	@Test
	void anExcludedTrackLeavesThePreviewAndComesBackWhenIncluded() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(3), "a1", "a2").artist("a1", "Nina");

		assertThat(this.service.exclude(library.account(), id("a1"))).isTrue();
		assertThat(this.service.exclude(library.account(), "spotify:track:" + id("a1"))).isFalse();

		assertThat(this.service.exclusions(library.account())).singleElement()
			.satisfies((excluded) -> assertThat(excluded.track())
				.isEqualTo(new TrackSummary(id("a1"), "Track a1", List.of("Nina"), "Album A")));
		assertThat(this.service.excludedTrackIds(library.account())).containsExactly(id("a1"));
		assertThat(this.service.preview(library.account(), NEVER_PLAYED).firstTracks())
			.extracting(TrackSummary::trackId)
			.containsExactly(id("a2"));

		assertThat(this.service.include(library.account(), id("a1"))).isTrue();
		assertThat(this.service.exclusions(library.account())).isEmpty();
		assertThat(this.service.preview(library.account(), NEVER_PLAYED).firstTracks())
			.extracting(TrackSummary::trackId)
			.containsExactly(id("a1"), id("a2"));
	}

	@Test
	void anExclusionOfATrackTheCatalogDoesNotHoldIsListedWithoutAName() {
		TestLibrary library = aLibrary(this.jdbc, "alice");

		this.service.exclude(library.account(), id("gone"));

		assertThat(this.service.exclusions(library.account())).singleElement()
			.satisfies((excluded) -> assertThat(excluded.track())
				.isEqualTo(new TrackSummary(id("gone"), null, List.of(), null)));
	}

	@Test
	void aPushWhileAPlaylistsRunHoldsTheLockIsRefusedWithoutACall() throws Exception {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(3), "a1");
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread run = new Thread(() -> this.locks.tryWhileHolding("playlists", library.account(), () -> {
			held.countDown();
			try {
				return release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}));
		run.start();
		try {
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
			long before = TestSpotify.simulator().requests().total();

			assertThatExceptionOfType(PlaylistActionException.class)
				.isThrownBy(() -> this.service.pushNow(library.account(), NEVER_PLAYED))
				.withMessageContaining("run of this account is going on");
			assertThatExceptionOfType(PlaylistActionException.class)
				.isThrownBy(() -> this.service.recreate(library.account(), NEVER_PLAYED));
			assertThat(TestSpotify.simulator().requests().total()).isEqualTo(before);
		}
		finally {
			release.countDown();
			run.join();
		}
	}

	@Test
	void somethingThatIsNotATrackIdCannotBeExcluded() {
		TestLibrary library = aLibrary(this.jdbc, "alice");

		assertThatExceptionOfType(PlaylistActionException.class)
			.isThrownBy(() -> this.service.exclude(library.account(), "'; drop table plays; --"));
	}

	@Test
	void aPreviewShowsTheCountTheFirstFiftyTracksWithArtistsAndACreationWhenNoPlaylistExists() {
		TestLibrary library = aLibrary(this.jdbc, "alice");
		List<String> names = new ArrayList<>();
		for (int i = 1; i <= 120; i++) {
			names.add("t" + i);
		}
		library.savedAlbum("A", daysAgo(3), names.toArray(String[]::new)).artist("t1", "Nina", "Kai");

		PlaylistPreview preview = this.service.preview(library.account(), NEVER_PLAYED);

		assertThat(preview.matching()).isEqualTo(120);
		assertThat(preview.trackCount()).isEqualTo(120);
		assertThat(preview.firstTracks()).hasSize(50)
			.first()
			.isEqualTo(new TrackSummary(id("t1"), "Track t1", List.of("Nina", "Kai"), "Album A"));
		assertThat(preview.addCount()).isEqualTo(120);
		assertThat(preview.toAdd()).hasSize(50);
		assertThat(preview.removeCount()).isZero();
		// create, then 2 POSTs of 100 and 20
		assertThat(preview.plannedCalls()).isEqualTo(3);
		assertThat(preview.playlist()).isNull();
	}

	@Test
	void aPreviewShowsWhatTheNextPushWouldAddAndRemove() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(3), "a1", "a2", "a3")
			.played("a3", daysAgo(1));
		this.mappings.saveCreated(library.account(), NEVER_PLAYED.slug(), "Never Played", "p".repeat(22), "s1",
				this.now);
		this.mappings.savePushed(library.account(), NEVER_PLAYED.slug(), List.of(id("a2"), id("a3")), "s2", this.now);

		PlaylistPreview preview = this.service.preview(library.account(), NEVER_PLAYED);

		assertThat(preview.toAdd()).extracting(TrackSummary::trackId).containsExactly(id("a1"));
		assertThat(preview.toRemove()).extracting(TrackSummary::trackId).containsExactly(id("a3"));
		// one PUT of two tracks beats a removal plus an insertion
		assertThat(preview.plannedCalls()).isEqualTo(1);
		assertThat(preview.playlist().status()).isEqualTo(MappingStatus.ACTIVE);
		assertThat(preview.playlist().trackCount()).isEqualTo(2);
	}

	@Test
	void aPreviewOfAPlaylistTheUserRemovedPlansNothing() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(3), "a1");
		this.mappings.saveCreated(library.account(), NEVER_PLAYED.slug(), "Never Played", "p".repeat(22), "s1",
				this.now);
		this.mappings.markRemoved(library.account(), NEVER_PLAYED.slug());

		PlaylistPreview preview = this.service.preview(library.account(), NEVER_PLAYED);

		assertThat(preview.trackCount()).isEqualTo(1);
		assertThat(preview.plannedCalls()).isZero();
		assertThat(preview.playlist().status()).isEqualTo(MappingStatus.REMOVED);
	}

	private Instant daysAgo(int days) {
		return this.now.minus(Duration.ofDays(days));
	}

}
