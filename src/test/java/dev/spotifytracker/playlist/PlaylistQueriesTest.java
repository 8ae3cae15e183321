package dev.spotifytracker.playlist;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.spotifytracker.support.DatabaseTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.spotifytracker.playlist.SmartPlaylistRule.LIKED_LAST_30_DAYS;
import static dev.spotifytracker.playlist.SmartPlaylistRule.MOST_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.NEVER_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.NEW_NEVER_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.OLDEST_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.PLAYED_ONCE;
import static dev.spotifytracker.playlist.TestLibrary.aLibrary;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six rules on hand-built libraries in the real PostgreSQL, each against a
 * hand-written expected list. "Now" is fixed and handed to the queries, so the day
 * windows are exact.
 */
@DatabaseTest
@Import(PlaylistQueries.class)
class PlaylistQueriesTest {

	static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaylistQueries queries;

	@Test
	void neverPlayedHoldsUnplayedLibraryTracksMostRecentlyAddedFirstInAlbumOrder() {
		TestLibrary library = aLibrary(this.jdbc, "alice").track("A", "a3", 2, 1)
			.track("A", "a1", 1, 1)
			.track("A", "a2", 1, 2)
			.savedAlbum("A", daysAgo(100))
			.savedAlbum("B", daysAgo(10), "b1", "b2")
			.liked("c1", daysAgo(5))
			.played("a2", daysAgo(3));

		assertThat(select(library, NEVER_PLAYED)).containsExactly("c1", "b1", "b2", "a1", "a3");
	}

	@Test
	void tracksAddedAtTheSameInstantAreOrderedByAlbumIdThenDiscThenTrackNumberThenTrackId() {
		Instant sameInstant = daysAgo(2);
		TestLibrary library = aLibrary(this.jdbc, "alice").track("B", "b1", 1, 1)
			.track("A", "a2", 2, 1)
			.track("A", "a1", 1, 3)
			.track("C", "cy", 1, 1)
			.track("C", "cx", 1, 1)
			.savedAlbum("B", sameInstant)
			.savedAlbum("A", sameInstant)
			.liked("cy", sameInstant)
			.liked("cx", sameInstant);

		assertThat(select(library, NEVER_PLAYED)).containsExactly("a1", "a2", "b1", "cx", "cy");
	}

	@Test
	void aTrackLikedAndInASavedAlbumCountsFromTheEarlierOfTheTwo() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1")
			.liked("a1", daysAgo(2))
			.savedAlbum("B", daysAgo(50), "b1")
			.liked("c1", daysAgo(300))
			.savedAlbum("C", daysAgo(1), "c1", "c2");

		// a1 counts from its album (100 days), c1 from its like (300 days)
		assertThat(select(library, NEVER_PLAYED)).containsExactly("c2", "b1", "a1", "c1");
		assertThat(select(library, NEW_NEVER_PLAYED)).containsExactly("c2");
		// a track appears once even when it is both liked and saved
		assertThat(select(library, LIKED_LAST_30_DAYS)).containsExactly("a1");
	}

	@Test
	void unknownAvailabilityCountsAsPlayableAndKnownUnplayableTracksAreLeftOut() {
		TestLibrary library = aLibrary(this.jdbc, "alice")
			.savedAlbum("A", daysAgo(5), "yes", "unknown", "unchecked", "no")
			.availability("yes", true)
			.availability("unknown", null)
			.availability("no", false)
			.played("no", daysAgo(1));

		assertThat(select(library, NEVER_PLAYED)).containsExactly("yes", "unknown", "unchecked");
		assertThat(select(library, PLAYED_ONCE)).isEmpty();
		assertThat(select(library, MOST_PLAYED)).isEmpty();
	}

	@Test
	void excludedTracksAreLeftOutOfEveryRule() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(5), "a1", "a2")
			.liked("l1", daysAgo(1))
			.liked("l2", daysAgo(1))
			.played("l1", daysAgo(1))
			.played("l2", daysAgo(1), daysAgo(2))
			.played("a2", daysAgo(3), daysAgo(4));
		exclude(library, "a1", "l1", "l2");

		assertThat(select(library, NEVER_PLAYED)).isEmpty();
		assertThat(select(library, NEW_NEVER_PLAYED)).isEmpty();
		assertThat(select(library, PLAYED_ONCE)).isEmpty();
		assertThat(select(library, OLDEST_PLAYED)).containsExactly("a2");
		assertThat(select(library, MOST_PLAYED)).containsExactly("a2");
		assertThat(select(library, LIKED_LAST_30_DAYS)).isEmpty();
	}

	@Test
	void playedOnceHoldsTracksPlayedExactlyOnceMostRecentlyPlayedFirst() {
		Instant sameInstant = daysAgo(4);
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(400), "a1", "a2", "a3", "a4", "a5")
			.played("a1", daysAgo(10))
			.played("a2", daysAgo(2))
			.played("a3", daysAgo(20), daysAgo(1))
			.played("a5", sameInstant)
			.played("a4", sameInstant)
			// played once but not in the library
			.played("stranger", daysAgo(1));

		assertThat(select(library, PLAYED_ONCE)).containsExactly("a2", "a4", "a5", "a1");
	}

	@Test
	void oldestPlayedHoldsTracksPlayedTwiceOrMoreLongestUnplayedFirst() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(400), "a1", "a2", "a3", "a4", "a5")
			.played("a1", daysAgo(300), daysAgo(5))
			.played("a2", daysAgo(90), daysAgo(80), daysAgo(70))
			.played("a3", daysAgo(200))
			.played("a4", daysAgo(100), daysAgo(80))
			.played("a5", daysAgo(90), daysAgo(80))
			.played("stranger", daysAgo(300), daysAgo(299));

		assertThat(select(library, OLDEST_PLAYED)).containsExactly("a4", "a5", "a2", "a1");
	}

	@Test
	void mostPlayedOrdersByPlayCountThenLastPlayedThenTrackId() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(400), "a1", "a2", "a3", "a4", "a5")
			.liked("l1", daysAgo(30))
			.played("a1", daysAgo(9), daysAgo(8), daysAgo(7))
			.played("a2", daysAgo(9), daysAgo(8), daysAgo(1))
			.played("a3", daysAgo(50))
			.played("l1", daysAgo(9), daysAgo(8), daysAgo(1))
			.played("a4", daysAgo(3), daysAgo(2))
			.played("stranger", daysAgo(1), daysAgo(2), daysAgo(3), daysAgo(4));

		assertThat(select(library, MOST_PLAYED)).containsExactly("a2", "l1", "a1", "a4", "a3");
	}

	@Test
	void likedInTheLastThirtyDaysIncludesExactlyThirtyDaysAgoAndNotASecondMore() {
		Duration thirtyDays = Duration.ofDays(30);
		TestLibrary library = aLibrary(this.jdbc, "alice").liked("edge", NOW.minus(thirtyDays))
			.liked("tooOld", NOW.minus(thirtyDays).minusSeconds(1))
			.liked("recent", NOW.minusSeconds(3600))
			.liked("played", daysAgo(3))
			.played("played", daysAgo(1))
			.savedAlbum("A", daysAgo(1), "savedOnly");

		assertThat(select(library, LIKED_LAST_30_DAYS)).containsExactly("recent", "played", "edge");
	}

	@Test
	void newAndNeverPlayedHoldsTracksAddedInTheLastThirtyDaysAndNeverPlayed() {
		Duration thirtyDays = Duration.ofDays(30);
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", NOW.minus(thirtyDays), "a1", "a2")
			.savedAlbum("B", NOW.minus(thirtyDays).minusSeconds(1), "b1")
			.liked("l1", daysAgo(1))
			.liked("l2", daysAgo(2))
			.played("l2", daysAgo(1))
			.played("a2", daysAgo(40));

		assertThat(select(library, NEW_NEVER_PLAYED)).containsExactly("l1", "a1");
	}

	@Test
	void aChangedDayWindowMovesTheBoundary() {
		TestLibrary library = aLibrary(this.jdbc, "alice").liked("l3", daysAgo(3))
			.liked("l8", daysAgo(8))
			.liked("l40", daysAgo(40));

		assertThat(select(library, new RuleSettings(LIKED_LAST_30_DAYS, true, 1000, 7, false))).containsExactly("l3");
		assertThat(select(library, new RuleSettings(NEW_NEVER_PLAYED, true, 1000, 60, false))).containsExactly("l3",
				"l8", "l40");
	}

	@Test
	void theLimitCutsTheListAndMatchingCountsEveryMatchingTrack() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(10), "a1", "a2", "a3", "a4");

		PlaylistQueries.RuleSelection selection = this.queries.select(library.account(),
				new RuleSettings(NEVER_PLAYED, true, 2, null, false), NOW);

		assertThat(TestLibrary.names(selection.trackIds())).containsExactly("a1", "a2");
		assertThat(selection.matching()).isEqualTo(4);
	}

	@Test
	void anotherAccountsLibraryPlaysAndExclusionsDoNotCount() {
		TestLibrary alice = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(10), "a1", "a2");
		TestLibrary bob = alice.anotherAccount("bob").liked("a1", daysAgo(1)).played("a2", daysAgo(1));
		exclude(bob, "a1");
		bob.availability("a2", false);

		assertThat(select(alice, NEVER_PLAYED)).containsExactly("a1", "a2");
		assertThat(select(bob, NEVER_PLAYED)).isEmpty();
		assertThat(select(alice, PLAYED_ONCE)).isEmpty();
	}

	@Test
	void anEmptyLibrarySelectsNothing() {
		TestLibrary library = aLibrary(this.jdbc, "alice").played("stranger", daysAgo(1));

		for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
			assertThat(select(library, rule)).as(rule.slug()).isEmpty();
		}
	}

	private List<String> select(TestLibrary library, SmartPlaylistRule rule) {
		return select(library, rule.defaults());
	}

	private List<String> select(TestLibrary library, RuleSettings settings) {
		return TestLibrary.names(this.queries.select(library.account(), settings, NOW).trackIds());
	}

	private void exclude(TestLibrary library, String... names) {
		for (String name : names) {
			this.jdbc.sql("insert into excluded_tracks (account_id, track_id) values (?, ?)")
				.params(library.account().value(), TestLibrary.id(name))
				.update();
		}
	}

	static Instant daysAgo(int days) {
		return NOW.minus(Duration.ofDays(days));
	}

}
