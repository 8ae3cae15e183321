package dev.spotifytracker.playlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.spotifytracker.playlist.TestLibrary.aLibrary;
import static dev.spotifytracker.playlist.TestLibrary.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tracks, albums and artists kept out of one smart playlist or of all, on a hand-made
 * library with the expected lists written by hand: two rule playlists ("Mine", "Other",
 * every library track by id) and the built-in Never Played (newest first, then album
 * order).
 */
@IntegrationTest
class PlaylistExclusionsTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaylistExclusions exclusions;

	@Autowired
	RulePlaylists playlists;

	@Autowired
	PlaylistsDue due;

	@Autowired
	Clock clock;

	TestLibrary library;

	@BeforeEach
	void aLibraryOfThreeAlbumsAndTwoRulePlaylists() {
		Instant now = this.clock.instant();
		// Never Played: c1 (liked last), then B, then A, each in album order
		this.library = aLibrary(this.jdbc, "alice").savedAlbum("A", now.minus(Duration.ofDays(100)), "a1", "a2", "a3")
			.savedAlbum("B", now.minus(Duration.ofDays(50)), "b1", "b2")
			.liked("c1", now.minus(Duration.ofDays(10)))
			.artist("a1", "Moby")
			.artist("a2", "Moby", "Björk")
			.artist("a3", "Nina")
			.artist("b1", "Björk")
			.artist("b2", "Nina")
			.artist("c1", "Kai");
		this.playlists.create(this.library.account(), "{\"name\": \"Mine\"}");
		this.playlists.create(this.library.account(), "{\"name\": \"Other\"}");
		this.due.clear(this.library.account());
	}

	@Test
	void nothingExcludedLeavesEveryTrackInEveryPlaylist() {
		assertThat(tracks("mine")).containsExactly("a1", "a2", "a3", "b1", "b2", "c1");
		assertThat(tracks("other")).containsExactly("a1", "a2", "a3", "b1", "b2", "c1");
		assertThat(tracks("never-played")).containsExactly("c1", "b1", "b2", "a1", "a2", "a3");
	}

	@ParameterizedTest(name = "{0} {1} out of {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# kind | id     | scope        | Mine                 | Other                | Never Played
			track  | a2     | mine         | a1 a3 b1 b2 c1       | a1 a2 a3 b1 b2 c1    | c1 b1 b2 a1 a2 a3
			track  | a2     | all          | a1 a3 b1 b2 c1       | a1 a3 b1 b2 c1       | c1 b1 b2 a1 a3
			album  | B      | mine         | a1 a2 a3 c1          | a1 a2 a3 b1 b2 c1    | c1 b1 b2 a1 a2 a3
			album  | B      | all          | a1 a2 a3 c1          | a1 a2 a3 c1          | c1 a1 a2 a3
			artist | arBjrk | mine         | a1 a3 b2 c1          | a1 a2 a3 b1 b2 c1    | c1 b1 b2 a1 a2 a3
			artist | arBjrk | all          | a1 a3 b2 c1          | a1 a3 b2 c1          | c1 b2 a1 a3
			track  | c1     | never-played | a1 a2 a3 b1 b2 c1    | a1 a2 a3 b1 b2 c1    | b1 b2 a1 a2 a3
			album  | A      | never-played | a1 a2 a3 b1 b2 c1    | a1 a2 a3 b1 b2 c1    | c1 b1 b2
			artist | arNina | never-played | a1 a2 a3 b1 b2 c1    | a1 a2 a3 b1 b2 c1    | c1 b1 a1 a2
			""")
	void anExclusionKeepsItsTracksOutOfItsPlaylistsOnly(String kind, String name, String scope, String mine,
			String other, String neverPlayed) {
		this.exclusions.exclude(this.library.account(), kind, id(name), scope);

		assertThat(tracks("mine")).containsExactlyElementsOf(list(mine));
		assertThat(tracks("other")).containsExactlyElementsOf(list(other));
		assertThat(tracks("never-played")).containsExactlyElementsOf(list(neverPlayed));
	}

	@Test
	void aRuleBeingEditedHonoursItsPlaylistsExclusionsAndANewRuleOnlyTheGlobalOnes() {
		this.exclusions.exclude(this.library.account(), "album", id("B"), "mine");
		this.exclusions.exclude(this.library.account(), "artist", id("arKai"), "all");
		PlaylistRule everything = RuleParser.parse("{\"name\": \"Draft\"}");

		assertThat(TestLibrary
			.names(this.playlists.preview(this.library.account(), "mine", everything, ZoneOffset.UTC).tracks()))
			.containsExactly("a1", "a2", "a3");
		assertThat(
				TestLibrary.names(this.playlists.preview(this.library.account(), everything, ZoneOffset.UTC).tracks()))
			.containsExactly("a1", "a2", "a3", "b1", "b2");
	}

	@Test
	void undoingAnExclusionBringsItsTracksBackAndLeavesTheOthers() {
		this.exclusions.exclude(this.library.account(), "album", id("B"), "all");
		this.exclusions.exclude(this.library.account(), "artist", id("arMoby"), "mine");
		this.exclusions.exclude(this.library.account(), "track", id("c1"), "all");

		this.exclusions.include(this.library.account(), "album", id("B"), "all");
		this.exclusions.include(this.library.account(), "track", id("c1"), "all");

		assertThat(tracks("mine")).containsExactly("a3", "b1", "b2", "c1");
		assertThat(tracks("other")).containsExactly("a1", "a2", "a3", "b1", "b2", "c1");
		assertThat(this.exclusions.list(this.library.account())).singleElement()
			.satisfies((left) -> assertThat(left)
				.extracting(PlaylistExclusion::kind, PlaylistExclusion::name, PlaylistExclusion::playlist,
						PlaylistExclusion::playlistName)
				.containsExactly("artist", "Moby", "mine", "Mine"));
	}

	@Test
	void theListNamesEachExclusionAndItsPlaylistTheTracksOfEveryPlaylistStayOnTheirOwnList() {
		this.exclusions.exclude(this.library.account(), "album", id("B"), "all");
		this.exclusions.exclude(this.library.account(), "track", id("a1"), "never-played");
		this.exclusions.exclude(this.library.account(), "track", id("a2"), "all");

		assertThat(this.exclusions.list(this.library.account()))
			.extracting(PlaylistExclusion::kind, PlaylistExclusion::name, PlaylistExclusion::where)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("album", "Album B", "every playlist"),
					org.assertj.core.groups.Tuple.tuple("track", "Track a1", "\u201cNever Played\u201d"));
		assertThat(this.jdbc.sql("select track_id from excluded_tracks").query(String.class).list())
			.containsExactly(id("a2"));
	}

	@Test
	void excludingTwiceKeepsOneExclusionAndEitherWayMarksThePlaylistsDue() {
		this.exclusions.exclude(this.library.account(), "artist", id("arNina"), "other");
		this.due.clear(this.library.account());
		this.exclusions.exclude(this.library.account(), "artist", "spotify:artist:" + id("arNina"), "other");

		assertThat(this.exclusions.list(this.library.account())).hasSize(1);
		assertThat(this.due.isDue(this.library.account())).isTrue();

		this.due.clear(this.library.account());
		this.exclusions.include(this.library.account(), "artist", id("arNina"), "other");
		assertThat(this.due.isDue(this.library.account())).isTrue();
	}

	@Test
	void deletingARulePlaylistForgetsItsOwnExclusions() {
		this.exclusions.exclude(this.library.account(), "album", id("A"), "mine");
		this.exclusions.exclude(this.library.account(), "album", id("B"), "all");

		this.playlists.delete(this.library.account(), "mine");

		assertThat(this.exclusions.list(this.library.account())).extracting(PlaylistExclusion::spotifyId)
			.containsExactly(id("B"));
	}

	@Test
	void anUnknownKindIdOrPlaylistIsRefusedWithOneSentenceAndNothingIsStored() {
		assertThatExceptionOfType(PlaylistActionException.class)
			.isThrownBy(() -> this.exclusions.exclude(this.library.account(), "song", id("a1"), "all"))
			.withMessage("Exclude a track, an album or an artist, not \u201csong\u201d.");
		assertThatExceptionOfType(PlaylistActionException.class)
			.isThrownBy(
					() -> this.exclusions.exclude(this.library.account(), "album", "'; drop table plays; --", "all"))
			.withMessage("That is not a Spotify album id: '; drop table plays; --");
		assertThatExceptionOfType(PlaylistActionException.class)
			.isThrownBy(() -> this.exclusions.exclude(this.library.account(), "track", id("a1"), "no-such-playlist"))
			.withMessage(
					"There is no smart playlist \u201cno-such-playlist\u201d: choose one of yours or every playlist.");
		assertThatExceptionOfType(PlaylistActionException.class)
			.isThrownBy(() -> this.exclusions.exclude(this.library.account(), "artist", id("arNobody"), "all"))
			.withMessage("Your library and plays hold no artist with the id " + id("arNobody") + ".");

		assertThat(this.exclusions.list(this.library.account())).isEmpty();
		assertThat(this.due.isDue(this.library.account())).isFalse();
	}

	@Test
	void anotherAccountsRulePlaylistIsNoScopeAndItsExclusionsDoNotCount() {
		TestLibrary bob = this.library.anotherAccount("bob").savedAlbum("A", this.clock.instant(), "a1", "a2", "a3");
		this.playlists.create(bob.account(), "{\"name\": \"Bobs\"}");
		this.exclusions.exclude(bob.account(), "album", id("A"), "all");

		assertThatExceptionOfType(PlaylistActionException.class)
			.isThrownBy(() -> this.exclusions.exclude(this.library.account(), "album", id("A"), "bobs"));
		assertThat(tracks("mine")).containsExactly("a1", "a2", "a3", "b1", "b2", "c1");
	}

	private List<String> tracks(String slug) {
		return TestLibrary.names(this.playlists.preview(this.library.account(), slug, ZoneOffset.UTC).tracks());
	}

	private static List<String> list(String names) {
		return Arrays.asList(names.strip().split("\\s+"));
	}

}
