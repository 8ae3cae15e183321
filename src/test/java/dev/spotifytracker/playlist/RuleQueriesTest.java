package dev.spotifytracker.playlist;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import dev.spotifytracker.playlist.PlaylistQueries.RuleSelection;
import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.spotifytracker.playlist.TestLibrary.aLibrary;
import static dev.spotifytracker.playlist.TestLibrary.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule playlists compiled to SQL and run in the real PostgreSQL, on hand-built libraries
 * with hand-written expected lists. Rules are written as JSON with single quotes. "Now"
 * is fixed, so day windows are exact.
 */
@IntegrationTest
class RuleQueriesTest {

	static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuleQueries queries;

	// fields

	@Test
	void playsCountsEveryCountedPlayAndANeverPlayedTrackHasZero() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			.played("a1", daysAgo(1), daysAgo(2), daysAgo(3))
			.played("a2", daysAgo(1));

		assertThat(select(library, "{'field': 'plays', 'op': 'gte', 'value': 2}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'plays', 'op': 'eq', 'value': 0}")).containsExactly("a3");
		assertThat(select(library, "{'field': 'plays', 'op': 'in', 'value': [0, 3]}")).containsExactly("a1", "a3");
		assertThat(select(library, "{'field': 'plays', 'op': 'between', 'value': [1, 2]}")).containsExactly("a2");
		assertThat(select(library, "{'field': 'plays', 'op': 'lte', 'value': 1}")).containsExactly("a2", "a3");
		assertThat(select(library, "{'field': 'plays', 'op': 'lt', 'value': 1}")).containsExactly("a3");
		assertThat(select(library, "{'field': 'plays', 'op': 'ne', 'value': 1}")).containsExactly("a1", "a3");
		assertThat(select(library, "{'field': 'plays', 'op': 'notIn', 'value': [0, 3]}")).containsExactly("a2");
	}

	@Test
	void playsInLastCountsOnlyThePlaysWithinTheWindow() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2")
			.played("a1", daysAgo(40), daysAgo(50), daysAgo(5))
			.played("a2", daysAgo(1), daysAgo(2));

		assertThat(select(library, "{'field': 'playsInLast', 'days': 30, 'op': 'gte', 'value': 2}"))
			.containsExactly("a2");
		assertThat(select(library, "{'field': 'playsInLast', 'days': 60, 'op': 'gte', 'value': 3}"))
			.containsExactly("a1");
	}

	@Test
	void listenedMsSumsTheKnownTimeAndTheTrackLengthWhereUnknown() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2")
			.details("a1", "One", 200_000, false)
			.details("a2", "Two", 100_000, false)
			.playedFor("a1", daysAgo(1), 50_000)
			.playedFor("a1", daysAgo(2), null)
			.playedFor("a2", daysAgo(1), 100_000);

		// a1: 50,000 + 200,000; a2: 100,000
		assertThat(select(library, "{'field': 'listenedMs', 'op': 'eq', 'value': 250000}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'listenedMs', 'op': 'lt', 'value': 250000}")).containsExactly("a2");
	}

	@Test
	void skipsIsZeroForEveryTrackUntilImportsSaySo() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2")
			.played("a1", daysAgo(1));

		assertThat(select(library, "{'field': 'skips', 'op': 'eq', 'value': 0}")).containsExactly("a1", "a2");
		assertThat(select(library, "{'field': 'skips', 'op': 'gt', 'value': 0}")).isEmpty();
	}

	@Test
	void lastPlayedIsNullForNeverPlayedAndNotInLastCountsNullAsNotWithin() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			.played("a1", daysAgo(200))
			.played("a2", daysAgo(10));

		assertThat(select(library, "{'field': 'lastPlayed', 'op': 'isNull'}")).containsExactly("a3");
		assertThat(select(library, "{'field': 'lastPlayed', 'op': 'notNull'}")).containsExactly("a1", "a2");
		assertThat(select(library, "{'field': 'lastPlayed', 'op': 'inLast', 'days': 180}")).containsExactly("a2");
		assertThat(select(library, "{'field': 'lastPlayed', 'op': 'notInLast', 'days': 180}")).containsExactly("a1",
				"a3");
	}

	@Test
	void instantComparisonsAreFalseForNullAndABareDateIsMidnightInTheAccountsZone() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			// 23:30 UTC on 30 April is 1 May in Berlin
			.played("a1", Instant.parse("2026-04-30T23:30:00Z"))
			.played("a2", Instant.parse("2026-04-30T21:30:00Z"));

		assertThat(select(library, "{'field': 'firstPlayed', 'op': 'gte', 'value': '2026-05-01'}",
				ZoneId.of("Europe/Berlin")))
			.containsExactly("a1");
		assertThat(select(library, "{'field': 'firstPlayed', 'op': 'lt', 'value': '2026-05-01T00:00:00+02:00'}"))
			.containsExactly("a2");
		assertThat(select(library, "{'field': 'firstPlayed', 'op': 'eq', 'value': '2026-04-30T23:30:00.000Z'}"))
			.containsExactly("a1");
		assertThat(select(library, "{'field': 'firstPlayed', 'op': 'ne', 'value': '2026-04-30T23:30:00Z'}"))
			.containsExactly("a2", "a3");
	}

	@Test
	void likedAtAddedAtLikedAndInSavedAlbumDescribeHowATrackEnteredTheLibrary() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2")
			.liked("a1", daysAgo(5))
			.liked("c1", daysAgo(20));

		assertThat(select(library, "{'field': 'likedAt', 'op': 'inLast', 'days': 10}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'likedAt', 'op': 'isNull'}")).containsExactly("a2");
		assertThat(select(library, "{'field': 'addedAt', 'op': 'inLast', 'days': 30}")).containsExactly("c1");
		assertThat(select(library, "{'field': 'liked', 'op': 'eq', 'value': true}")).containsExactly("a1", "c1");
		assertThat(select(library, "{'field': 'inSavedAlbum', 'op': 'eq', 'value': false}")).containsExactly("c1");
	}

	@Test
	void releaseYearIsTheAlbumsYearAndNullWhenSpotifyGivesNoneOrZeros() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1")
			.savedAlbum("B", daysAgo(100), "b1")
			.savedAlbum("C", daysAgo(100), "c1")
			.savedAlbum("D", daysAgo(100), "d1")
			.albumDetails("A", "Album A", "1994-03-01")
			.albumDetails("B", "Album B", "1999")
			.albumDetails("C", "Album C", "0000")
			.albumDetails("D", "Album D", null);

		assertThat(select(library, "{'field': 'releaseYear', 'op': 'between', 'value': [1990, 1999]}"))
			.containsExactly("a1", "b1");
		assertThat(select(library, "{'field': 'releaseYear', 'op': 'isNull'}")).containsExactly("c1", "d1");
		assertThat(select(library, "{'field': 'releaseYear', 'op': 'ne', 'value': 1999}")).containsExactly("a1", "c1",
				"d1");
	}

	@Test
	void durationAndExplicitCompareAndNeIsTrueForAnUnknownFlag() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			.details("a1", "One", 180_000, true)
			.details("a2", "Two", 240_000, false)
			.details("a3", "Three", 300_000, null);

		assertThat(select(library, "{'field': 'durationMs', 'op': 'gt', 'value': 200000}")).containsExactly("a2", "a3");
		assertThat(select(library, "{'field': 'explicit', 'op': 'eq', 'value': true}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'explicit', 'op': 'ne', 'value': true}")).containsExactly("a2", "a3");
	}

	@Test
	void textComparisonsFoldCaseByUnicodeAndKeepAccents() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3", "a4")
			.details("a1", "Jóga", 1000, false)
			.details("a2", "JÓGA remix", 1000, false)
			.details("a3", "Joga", 1000, false)
			.details("a4", "Hunter", 1000, false);

		assertThat(select(library, "{'field': 'trackName', 'op': 'eq', 'value': 'JÓGA'}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'trackName', 'op': 'startsWith', 'value': 'jóga'}")).containsExactly("a1",
				"a2");
		assertThat(select(library, "{'field': 'trackName', 'op': 'contains', 'value': 'OG'}")).containsExactly("a3");
		assertThat(select(library, "{'field': 'trackName', 'op': 'in', 'value': ['hunter', 'JOGA']}"))
			.containsExactly("a3", "a4");
		assertThat(select(library, "{'field': 'trackName', 'op': 'notIn', 'value': ['hunter', 'JOGA']}"))
			.containsExactly("a1", "a2");
		assertThat(select(library, "{'field': 'trackName', 'op': 'ne', 'value': 'joga'}")).containsExactly("a1", "a2",
				"a4");
	}

	@Test
	void percentAndUnderscoreAreLiteralInContainsAndStartsWith() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			.details("a1", "100% Pure", 1000, false)
			.details("a2", "100 Pure", 1000, false)
			.details("a3", "a_b", 1000, false);

		assertThat(select(library, "{'field': 'trackName', 'op': 'contains', 'value': '0%'}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'trackName', 'op': 'contains', 'value': '%'}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'trackName', 'op': 'startsWith', 'value': 'a_'}")).containsExactly("a3");
		assertThat(select(library, "{'field': 'trackName', 'op': 'startsWith', 'value': '_'}")).isEmpty();
	}

	@Test
	void sqlInAValueIsPlainTextThatMatchesNothing() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1").played("a1", daysAgo(1));
		String rule = """
				{"name": "n", "conditions": [{"match": "any", "conditions": [
				  {"field": "trackName", "op": "eq", "value": "x'; drop table plays; --"},
				  {"field": "artist", "op": "contains", "value": "x'; drop table plays; --"},
				  {"field": "album", "op": "in", "value": ["x' or '1'='1", "x'; drop table plays; --"]}]}]}
				""";

		RuleSelection selection = this.queries.select(library.account(), RuleParser.parse(rule), NOW, ZoneOffset.UTC);

		assertThat(selection.trackIds()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from plays").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theFoldingIsUnicodeEvenWhereTheLocaleOnlyFoldsAscii() {
		// "C" folds ASCII only; the compiler's folding must not depend on it
		String folded = this.jdbc.sql("select " + RuleCompiler.fold("cast(:text as text) collate \"C\""))
			.param("text", "BJÖRK ÉTÉ")
			.query(String.class)
			.single();
		String plainC = this.jdbc.sql("select lower(cast(:text as text) collate \"C\")")
			.param("text", "BJÖRK ÉTÉ")
			.query(String.class)
			.single();

		assertThat(folded).isEqualTo("björk été");
		assertThat(plainC).as("the trap the folding avoids").isEqualTo("bjÖrk ÉtÉ");
	}

	@Test
	void artistMatchesAnyCreditedArtistByNameOrIdAndNeMeansNoneDoes() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3", "a4")
			.artist("a1", "Björk")
			.artist("a2", "Thom Yorke", "Björk")
			.artist("a3", "Thom Yorke");

		assertThat(select(library, "{'field': 'artist', 'op': 'eq', 'value': 'BJÖRK'}")).containsExactly("a1", "a2");
		assertThat(select(library, "{'field': 'artist', 'op': 'eq', 'value': '" + id("arThomYorke") + "'}"))
			.containsExactly("a2", "a3");
		assertThat(select(library, "{'field': 'artist', 'op': 'ne', 'value': 'björk'}")).containsExactly("a3", "a4");
		assertThat(select(library, "{'field': 'artist', 'op': 'contains', 'value': 'york'}")).containsExactly("a2",
				"a3");
		assertThat(select(library, "{'field': 'artist', 'op': 'notIn', 'value': ['Björk', 'Thom Yorke']}"))
			.containsExactly("a4");
	}

	@Test
	void albumMatchesTheAlbumsNameOrId() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1")
			.savedAlbum("B", daysAgo(100), "b1")
			.albumDetails("A", "Homogenic", "1997")
			.albumDetails("B", "Debut", "1993");

		assertThat(select(library, "{'field': 'album', 'op': 'eq', 'value': 'HOMOGENIC'}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'album', 'op': 'in', 'value': ['" + id("B") + "']}"))
			.containsExactly("b1");
		assertThat(select(library, "{'field': 'albumName', 'op': 'startsWith', 'value': 'deb'}")).containsExactly("b1");
		assertThat(select(library, "{'field': 'album', 'op': 'contains', 'value': 'OGEN'}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'album', 'op': 'ne', 'value': 'debut'}")).containsExactly("a1");
		assertThat(select(library, "{'field': 'album', 'op': 'notIn', 'value': ['" + id("A") + "', 'x']}"))
			.containsExactly("b1");
	}

	// sources

	@Test
	void sourcesChooseTheCandidatesAndUnplayableTracksNeverQualify() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			.liked("a1", daysAgo(5))
			.liked("c1", daysAgo(5))
			.played("p1", daysAgo(1))
			.played("c1", daysAgo(1))
			.availability("a3", false)
			.availability("a2", null);

		assertThat(selectRule(library, "{'name': 'n', 'source': 'library'}").trackIds()).extracting(this::name)
			.containsExactly("a1", "a2", "c1");
		assertThat(selectRule(library, "{'name': 'n', 'source': 'liked'}").trackIds()).extracting(this::name)
			.containsExactly("a1", "c1");
		assertThat(selectRule(library, "{'name': 'n', 'source': 'albums'}").trackIds()).extracting(this::name)
			.containsExactly("a1", "a2");
		assertThat(selectRule(library, "{'name': 'n', 'source': 'played'}").trackIds()).extracting(this::name)
			.containsExactly("c1", "p1");
	}

	@Test
	void playedTracksCarryTheirOwnCountsAndPlays() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2")
			.played("a1", daysAgo(9))
			.played("p1", daysAgo(3))
			.played("p1", daysAgo(2))
			.played("p2", daysAgo(20))
			.played("p2", daysAgo(1))
			.played("p3", daysAgo(30));

		assertThat(selectRule(library, """
				{'name': 'n', 'source': 'played', 'conditions': [
				  {'field': 'plays', 'op': 'gte', 'value': 2}, {'field': 'firstPlayed', 'op': 'inLast', 'days': 10}],
				 'sort': [{'field': 'lastPlayed', 'dir': 'desc'}]}""").trackIds()).extracting(this::name)
			.containsExactly("p1");
		assertThat(selectRule(library, """
				{'name': 'n', 'source': 'played',
				 'sort': [{'field': 'plays', 'dir': 'desc'}, {'field': 'lastPlayed', 'dir': 'asc'}]}""").trackIds())
			.extracting(this::name)
			.containsExactly("p1", "p2", "p3", "a1");
	}

	@Test
	void anotherAccountsLibraryAndPlaysStayOut() {
		TestLibrary alice = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2");
		TestLibrary bob = alice.anotherAccount("bob").liked("a1", daysAgo(3)).played("a2", daysAgo(1));

		assertThat(select(alice, "{'field': 'plays', 'op': 'eq', 'value': 0}")).containsExactly("a1", "a2");
		assertThat(select(bob, "{'field': 'plays', 'op': 'eq', 'value': 0}")).containsExactly("a1");
	}

	// groups

	@Test
	void nestedGroupsCombineAllAndAny() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3", "a4")
			.albumDetails("A", "Album A", "1995")
			.played("a1", daysAgo(1), daysAgo(2))
			.played("a2", daysAgo(1))
			.liked("a3", daysAgo(1))
			.liked("a4", daysAgo(400));

		// (plays >= 2 or (liked in the last 30 days and never played)) and from the 90s
		String conditions = """
				{'match': 'any', 'conditions': [
				  {'field': 'plays', 'op': 'gte', 'value': 2},
				  {'match': 'all', 'conditions': [
				    {'field': 'likedAt', 'op': 'inLast', 'days': 30},
				    {'field': 'lastPlayed', 'op': 'isNull'}]}]},
				{'field': 'releaseYear', 'op': 'between', 'value': [1990, 1999]}
				""";

		assertThat(select(library, conditions)).containsExactly("a1", "a3");
		assertThat(selectRule(library, "{'name': 'n', 'match': 'any', 'conditions': [" + conditions + "]}").trackIds())
			.extracting(this::name)
			.containsExactly("a1", "a2", "a3", "a4");
	}

	@Test
	void anEmptyRuleHoldsEveryCandidateByTrackId() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("B", daysAgo(1), "b2", "b1")
			.liked("a1", daysAgo(3));

		assertThat(selectRule(library, "{'name': 'n'}").trackIds()).extracting(this::name)
			.containsExactly("a1", "b1", "b2");
	}

	// sort

	@Test
	void nullsSortLastInEitherDirectionAndTiesEndOnTheTrackId() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a4", "a3", "a2", "a1")
			.played("a1", daysAgo(5))
			.played("a3", daysAgo(5))
			.played("a2", daysAgo(1));

		assertThat(sorted(library, "{'field': 'lastPlayed', 'dir': 'asc'}")).containsExactly("a1", "a3", "a2", "a4");
		assertThat(sorted(library, "{'field': 'lastPlayed', 'dir': 'desc'}")).containsExactly("a2", "a1", "a3", "a4");
	}

	@Test
	void laterKeysBreakTiesOfEarlierOnes() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			.played("a1", daysAgo(9), daysAgo(8))
			.played("a2", daysAgo(3), daysAgo(2))
			.played("a3", daysAgo(1));

		assertThat(sorted(library, "{'field': 'plays', 'dir': 'desc'}, {'field': 'lastPlayed', 'dir': 'desc'}"))
			.containsExactly("a2", "a1", "a3");
	}

	@Test
	void textSortsCaseInsensitivelyThenByCodePoint() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3", "a4")
			.details("a1", "beta", 1000, false)
			.details("a2", "Alpha", 1000, false)
			.details("a3", "alpha", 1000, false)
			.details("a4", "Ärger", 1000, false);

		// "Alpha" before "alpha" by code point; "ä" (U+00E4) after every ASCII letter
		assertThat(sorted(library, "{'field': 'trackName'}")).containsExactly("a2", "a3", "a1", "a4");
	}

	@Test
	void artistSortsByTheFirstCreditedArtist() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			.artist("a1", "Zola", "Abba")
			.artist("a2", "Moby")
			.artist("a3", "abba");

		assertThat(sorted(library, "{'field': 'artist', 'dir': 'desc'}")).containsExactly("a1", "a2", "a3");
	}

	@Test
	void anArtistKeyAfterAnotherOrdersItsTiesUpToTheLimitAndCountsEveryMatch() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("New", daysAgo(10), "n1", "n2", "n3")
			.savedAlbum("Old", daysAgo(100), "o1")
			.artist("n1", "Cher")
			.artist("n2", "abba")
			.artist("n3", "Björk")
			.artist("o1", "Aaliyah");

		RuleSelection two = selectRule(library, """
				{'name': 'n', 'sort': [{'field': 'addedAt', 'dir': 'desc'}, {'field': 'artist'}],
				 'limit': {'tracks': 2}}""");
		assertThat(two.trackIds()).extracting(this::name).containsExactly("n2", "n3");
		assertThat(two.matching()).isEqualTo(4);
		assertThat(TestLibrary.names(selectRule(library, """
				{'name': 'n', 'sort': [{'field': 'addedAt'}, {'field': 'artist', 'dir': 'desc'}],
				 'limit': {'tracks': 3}}""").trackIds())).containsExactly("o1", "n1", "n3");
	}

	@Test
	void albumOrderPlaysEachAlbumInItsOwnOrderAndDescReversesIt() {
		TestLibrary library = aLibrary(this.jdbc, "alice").track("B", "b1", 1, 1)
			.track("A", "a3", 2, 1)
			.track("A", "a1", 1, 1)
			.track("A", "a2", 1, 2)
			.savedAlbum("A", daysAgo(1))
			.savedAlbum("B", daysAgo(1));

		assertThat(sorted(library, "{'field': 'albumOrder'}")).containsExactly("a1", "a2", "a3", "b1");
		assertThat(sorted(library, "{'field': 'albumOrder', 'dir': 'desc'}")).containsExactly("b1", "a3", "a2", "a1");
	}

	@Test
	void aSeededShuffleIsStableAndOneCandidateLessMovesNoOther() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3", "a4", "a5",
				"a6", "a7", "a8");
		List<String> first = sorted(library, "{'field': 'random', 'seed': 42}");
		List<String> again = sorted(library, "{'field': 'random', 'seed': 42}");
		List<String> otherSeed = sorted(library, "{'field': 'random', 'seed': 7}");

		this.jdbc.sql("insert into excluded_tracks (account_id, track_id) values (?, ?)")
			.params(library.account().value(), id(first.get(3)))
			.update();
		List<String> withoutOne = sorted(library, "{'field': 'random', 'seed': 42}");

		assertThat(again).isEqualTo(first);
		assertThat(otherSeed).containsExactlyInAnyOrderElementsOf(first).isNotEqualTo(first);
		assertThat(withoutOne).isEqualTo(first.stream().filter((track) -> !track.equals(first.get(3))).toList());
	}

	// limits

	@Test
	void aTrackLimitKeepsTheFirstTracksAndMatchedCountsThemAll() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3", "a4");

		RuleSelection selection = selectRule(library, "{'name': 'n', 'limit': {'tracks': 3}}");

		assertThat(selection.trackIds()).extracting(this::name).containsExactly("a1", "a2", "a3");
		assertThat(selection.matching()).isEqualTo(4);
	}

	@Test
	void aMinuteLimitKeepsTheLongestPrefixThatFitsAndTheFirstTrackThatDoesNotEndsIt() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3", "a4")
			.details("a1", "One", 120_000, false)
			.details("a2", "Two", 180_000, false)
			.details("a3", "Three", 300_000, false)
			.details("a4", "Four", 60_000, false);

		// 2 + 3 = 5 minutes; + 5 = 10 does not fit in 6; a4 would fit but comes after
		assertThat(selectRule(library, "{'name': 'n', 'limit': {'minutes': 6}}").trackIds()).extracting(this::name)
			.containsExactly("a1", "a2");
		assertThat(selectRule(library, "{'name': 'n', 'limit': {'minutes': 10}}").trackIds()).extracting(this::name)
			.containsExactly("a1", "a2", "a3");
	}

	@Test
	void aResultWithNoTrackStillSaysHowManyMatched() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1")
			.details("a1", "Long", 600_000, false);

		RuleSelection tooLong = selectRule(library, "{'name': 'n', 'limit': {'minutes': 5}}");
		RuleSelection none = selectRule(library,
				"{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'gt', 'value': 0}]}");

		assertThat(tooLong.trackIds()).isEmpty();
		assertThat(tooLong.matching()).isEqualTo(1);
		assertThat(none.trackIds()).isEmpty();
		assertThat(none.matching()).isZero();
	}

	// exclusions

	@Test
	void aRuleExcludesTracksAlbumsAndEveryTrackCreditingAnArtist() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			.savedAlbum("B", daysAgo(100), "b1")
			.savedAlbum("C", daysAgo(100), "c1", "c2")
			.artist("a2", "Moby", "Björk")
			.artist("a3", "Moby");

		String rule = "{'name': 'n', 'exclude': {'tracks': ['%s'], 'albums': ['%s'], 'artists': ['%s']}}"
			.formatted(id("c2"), id("B"), id("arBjrk"));

		assertThat(selectRule(library, rule).trackIds()).extracting(this::name).containsExactly("a1", "a3", "c1");
	}

	@Test
	void theAccountsGlobalExclusionsApplyToEveryRule() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2");
		this.jdbc.sql("insert into excluded_tracks (account_id, track_id) values (?, ?)")
			.params(library.account().value(), id("a1"))
			.update();

		assertThat(selectRule(library, "{'name': 'n'}").trackIds()).extracting(this::name).containsExactly("a2");
	}

	private List<String> select(TestLibrary library, String conditions) {
		return select(library, conditions, ZoneOffset.UTC);
	}

	private List<String> select(TestLibrary library, String conditions, ZoneId zone) {
		String rule = "{'name': 'n', 'conditions': [" + conditions + "]}";
		return TestLibrary
			.names(this.queries.select(library.account(), RuleParser.parse(rule.replace('\'', '"')), NOW, zone)
				.trackIds());
	}

	private List<String> sorted(TestLibrary library, String sort) {
		return TestLibrary.names(selectRule(library, "{'name': 'n', 'sort': [" + sort + "]}").trackIds());
	}

	private RuleSelection selectRule(TestLibrary library, String rule) {
		return this.queries.select(library.account(), RuleParser.parse(rule.replace('\'', '"')), NOW, ZoneOffset.UTC);
	}

	private String name(String id) {
		return TestLibrary.names(List.of(id)).get(0);
	}

	private static Instant daysAgo(int days) {
		return NOW.minus(Duration.ofDays(days));
	}

}
