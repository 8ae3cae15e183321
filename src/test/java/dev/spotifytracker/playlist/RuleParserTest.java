package dev.spotifytracker.playlist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.spotifytracker.playlist.PlaylistRule.Field;
import dev.spotifytracker.playlist.PlaylistRule.Group;
import dev.spotifytracker.playlist.PlaylistRule.Limit;
import dev.spotifytracker.playlist.PlaylistRule.Match;
import dev.spotifytracker.playlist.PlaylistRule.Moment;
import dev.spotifytracker.playlist.PlaylistRule.Op;
import dev.spotifytracker.playlist.PlaylistRule.SortField;
import dev.spotifytracker.playlist.PlaylistRule.SortKey;
import dev.spotifytracker.playlist.PlaylistRule.Source;
import dev.spotifytracker.playlist.PlaylistRule.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The grammar of RULES.md: what a valid document becomes, and every fault refused with
 * the path that names it. JSON is written with single quotes for readability.
 */
class RuleParserTest {

	static PlaylistRule parse(String json) {
		return RuleParser.parse(json.replace('\'', '"'));
	}

	static String pathOfFault(String json) {
		return assertThatExceptionOfType(InvalidRuleException.class).isThrownBy(() -> parse(json)).actual().path();
	}

	@org.junit.jupiter.api.Test
	void theExampleOfRulesMdReadsIntoItsParts() {
		PlaylistRule rule = parse("""
				{'name': 'Forgotten favourites', 'source': 'library', 'match': 'all',
				 'conditions': [
				   {'field': 'plays', 'op': 'gte', 'value': 5},
				   {'field': 'lastPlayed', 'op': 'notInLast', 'days': 180},
				   {'match': 'any', 'conditions': [
				     {'field': 'artist', 'op': 'in', 'value': ['Björk', '0oSGxfWSnnOXhD2fKuz2Gy']},
				     {'field': 'releaseYear', 'op': 'between', 'value': [1990, 1999]}]}],
				 'sort': [{'field': 'plays', 'dir': 'desc'}, {'field': 'lastPlayed', 'dir': 'asc'}],
				 'limit': {'tracks': 100},
				 'exclude': {'tracks': [], 'albums': [], 'artists': []}}
				""");

		assertThat(rule.name()).isEqualTo("Forgotten favourites");
		assertThat(rule.source()).isEqualTo(Source.LIBRARY);
		assertThat(rule.where().match()).isEqualTo(Match.ALL);
		assertThat(rule.where().conditions()).hasSize(3);
		assertThat(rule.where().conditions().get(0))
			.isEqualTo(new Test(Field.PLAYS, Op.GTE, java.util.List.of(new BigDecimal("5")), null));
		assertThat(rule.where().conditions().get(1))
			.isEqualTo(new Test(Field.LAST_PLAYED, Op.NOT_IN_LAST, java.util.List.of(), 180));
		Group any = (Group) rule.where().conditions().get(2);
		assertThat(any.match()).isEqualTo(Match.ANY);
		assertThat(((Test) any.conditions().get(0)).values()).containsExactly("Björk", "0oSGxfWSnnOXhD2fKuz2Gy");
		assertThat(rule.sort()).containsExactly(new SortKey(SortField.PLAYS, true, null, null),
				new SortKey(SortField.LAST_PLAYED, false, null, null));
		assertThat(rule.limit()).isEqualTo(Limit.ofTracks(100));
	}

	@org.junit.jupiter.api.Test
	void defaultsAreLibraryAllEveryCandidateByTrackIdAndAThousandTracks() {
		PlaylistRule rule = parse("{'name': 'Everything'}");

		assertThat(rule.source()).isEqualTo(Source.LIBRARY);
		assertThat(rule.where()).isEqualTo(new Group(Match.ALL, java.util.List.of()));
		assertThat(rule.sort()).isEmpty();
		assertThat(rule.limit()).isEqualTo(Limit.ofTracks(1000));
		assertThat(rule.exclude()).isEqualTo(PlaylistRule.Exclusions.NONE);
	}

	@org.junit.jupiter.api.Test
	void instantsTakeAnOffsetOrABareDateAndKeepMilliseconds() {
		PlaylistRule rule = parse("""
				{'name': 'n', 'conditions': [
				  {'field': 'likedAt', 'op': 'between', 'value': ['2024-05-01', '2024-06-01T10:00:00.123456+02:00']}]}
				""");

		Test test = (Test) rule.where().conditions().get(0);
		assertThat(test.values()).containsExactly(new Moment(null, LocalDate.of(2024, 5, 1)),
				new Moment(Instant.parse("2024-06-01T08:00:00.123Z"), null));
	}

	@org.junit.jupiter.api.Test
	void aLimitInMinutesKeepsTheTenThousandTrackCeiling() {
		assertThat(parse("{'name': 'n', 'limit': {'minutes': 120}}").limit()).isEqualTo(new Limit(10_000, 120));
	}

	@org.junit.jupiter.api.Test
	void aRandomSortKeepsItsSeedAndPlaysInLastItsDays() {
		PlaylistRule rule = parse(
				"{'name': 'n', 'sort': [{'field': 'playsInLast', 'days': 30, 'dir': 'desc'}, {'field': 'random', 'seed': 42}]}");

		assertThat(rule.sort()).containsExactly(new SortKey(SortField.PLAYS_IN_LAST, true, 30, null),
				new SortKey(SortField.RANDOM, false, null, 42L));
	}

	@org.junit.jupiter.api.Test
	void groupsNestFourDeep() {
		String json = "{'name': 'n', 'conditions': [" + nested(4) + "]}";

		assertThat(parse(json).where().conditions()).hasSize(1);
	}

	@org.junit.jupiter.api.Test
	void aGroupAtDepthFiveIsRefusedWithItsPath() {
		String json = "{'name': 'n', 'conditions': [" + nested(5) + "]}";

		assertThat(pathOfFault(json))
			.isEqualTo("conditions[0].conditions[0].conditions[0].conditions[0].conditions[0]");
	}

	@org.junit.jupiter.api.Test
	void fiftyTestsAreAllowed() {
		assertThat(parse(rule(50)).where().conditions()).hasSize(50);
	}

	@org.junit.jupiter.api.Test
	void theFirstTestBeyondFiftyIsRefusedWithItsOwnPathCountingDepthFirst() {
		String json = """
				{'name': 'n', 'conditions': [
				  {'match': 'any', 'conditions': [%s]},
				  {'field': 'plays', 'op': 'eq', 'value': 1},
				  {'field': 'plays', 'op': 'eq', 'value': 2}]}
				""".formatted(tests(49));

		assertThat(pathOfFault(json)).isEqualTo("conditions[2]");
	}

	@org.junit.jupiter.api.Test
	void aNameOfAHundredCodePointsIsAllowedEvenBeyondAHundredCharsOfUtf16() {
		String name = "🎵".repeat(100);

		assertThat(parse("{'name': '" + name + "'}").name()).isEqualTo(name);
		assertThat(pathOfFault("{'name': '" + name + "x'}")).isEqualTo("name");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					[]                                                                         | ''
					{'name': 'n', 'colour': 'red'}                                             | colour
					{'source': 'library'}                                                      | name
					{'name': ''}                                                               | name
					{'name': '   '}                                                            | name
					{'name': 42}                                                               | name
					{'name': 'n', 'source': 'radio'}                                           | source
					{'name': 'n', 'match': 'some'}                                             | match
					{'name': 'n', 'conditions': {}}                                            | conditions
					{'name': 'n', 'conditions': [42]}                                          | conditions[0]
					{'name': 'n', 'conditions': [{'op': 'eq'}]}                                | conditions[0]
					{'name': 'n', 'conditions': [{'field': 'mood', 'op': 'eq', 'value': 1}]}   | conditions[0].field
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'like', 'value': 1}]} | conditions[0].op
					{'name': 'n', 'conditions': [{'field': 'plays', 'value': 1}]}              | conditions[0].op
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'eq', 'value': 1, 'why': 1}]} | conditions[0].why
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'contains', 'value': 'x'}]} | conditions[0].op
					{'name': 'n', 'conditions': [{'field': 'trackName', 'op': 'gt', 'value': 'x'}]} | conditions[0].op
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'isNull'}]}          | conditions[0].op
					{'name': 'n', 'conditions': [{'field': 'explicit', 'op': 'in', 'value': [true]}]} | conditions[0].op
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'inLast', 'days': 3}]} | conditions[0].op
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'eq', 'value': '5'}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'eq'}]}              | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'eq', 'value': null}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'explicit', 'op': 'eq', 'value': 'yes'}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'trackName', 'op': 'eq', 'value': 3}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'gt', 'value': 'yesterday'}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'gt', 'value': '2024-05-01T10:00:00'}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'gt', 'value': '2024-13-01'}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'artist', 'op': 'in', 'value': []}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'artist', 'op': 'in', 'value': 'Björk'}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'artist', 'op': 'in', 'value': ['a', 7]}]} | conditions[0].value[1]
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'between', 'value': [5, 1]}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'between', 'value': [1]}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'between', 'value': [1, 2, 3]}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'between', 'value': ['2024-06-01', '2024-05-01']}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'between', 'value': ['2024-06-01T00:00:00Z', '2024-05-01T00:00:00Z']}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'isNull', 'value': 1}]} | conditions[0].value
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'inLast'}]}        | conditions[0].days
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'inLast', 'days': 0}]} | conditions[0].days
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'inLast', 'days': 36501}]} | conditions[0].days
					{'name': 'n', 'conditions': [{'field': 'likedAt', 'op': 'inLast', 'days': 1.5}]} | conditions[0].days
					{'name': 'n', 'conditions': [{'field': 'playsInLast', 'op': 'gte', 'value': 2}]} | conditions[0].days
					{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'gte', 'value': 2, 'days': 3}]} | conditions[0].days
					{'name': 'n', 'conditions': [{'match': 'any', 'conditions': [{'field': 'plays', 'op': 'eq', 'value': 1}, {'field': 'album', 'op': 'lt', 'value': 'x'}]}]} | conditions[0].conditions[1].op
					{'name': 'n', 'conditions': [{'match': 'any', 'conditions': [], 'field2': 1}]} | conditions[0].field2
					{'name': 'n', 'sort': {}}                                                  | sort
					{'name': 'n', 'sort': [{'dir': 'asc'}]}                                    | sort[0].field
					{'name': 'n', 'sort': [{'field': 'mood'}]}                                 | sort[0].field
					{'name': 'n', 'sort': [{'field': 'plays', 'dir': 'up'}]}                   | sort[0].dir
					{'name': 'n', 'sort': [{'field': 'plays', 'by': 'x'}]}                     | sort[0].by
					{'name': 'n', 'sort': [{'field': 'plays'}, {'field': 'random'}]}           | sort[1].seed
					{'name': 'n', 'sort': [{'field': 'random', 'seed': 'abc'}]}                | sort[0].seed
					{'name': 'n', 'sort': [{'field': 'plays', 'seed': 1}]}                     | sort[0].seed
					{'name': 'n', 'sort': [{'field': 'playsInLast'}]}                          | sort[0].days
					{'name': 'n', 'limit': 100}                                                | limit
					{'name': 'n', 'limit': {}}                                                 | limit
					{'name': 'n', 'limit': {'tracks': 0}}                                      | limit.tracks
					{'name': 'n', 'limit': {'tracks': 10001}}                                  | limit.tracks
					{'name': 'n', 'limit': {'tracks': '100'}}                                  | limit.tracks
					{'name': 'n', 'limit': {'minutes': 0}}                                     | limit.minutes
					{'name': 'n', 'limit': {'minutes': 100001}}                                | limit.minutes
					{'name': 'n', 'limit': {'tracks': 10, 'minutes': 10}}                      | limit.minutes
					{'name': 'n', 'limit': {'hours': 1}}                                       | limit.hours
					{'name': 'n', 'exclude': []}                                               | exclude
					{'name': 'n', 'exclude': {'playlists': []}}                                | exclude.playlists
					{'name': 'n', 'exclude': {'tracks': 'abc'}}                                | exclude.tracks
					{'name': 'n', 'exclude': {'artists': ['0oSGxfWSnnOXhD2fKuz2Gy', 'nope']}}  | exclude.artists[1]
					""")
	void aFaultIsRefusedWithItsPath(String json, String path) {
		assertThat(pathOfFault(json)).isEqualTo(path);
	}

	@org.junit.jupiter.api.Test
	void anOperatorThatDoesNotFitItsFieldSaysBothInOneSentence() {
		assertThatExceptionOfType(InvalidRuleException.class)
			.isThrownBy(
					() -> parse("{'name': 'n', 'conditions': [{'field': 'plays', 'op': 'contains', 'value': 'x'}]}"))
			.withMessage("The operator contains does not fit the field plays.");
	}

	@org.junit.jupiter.api.Test
	void textThatIsNotJsonIsRefusedForTheWholeDocument() {
		assertThatExceptionOfType(InvalidRuleException.class).isThrownBy(() -> RuleParser.parse("{\"name\": "))
			.satisfies((ex) -> assertThat(ex.path()).isEmpty())
			.withMessage("The rule is not valid JSON.");
	}

	private static String nested(int depth) {
		String group = "{'field': 'plays', 'op': 'eq', 'value': 1}";
		for (int i = 0; i < depth; i++) {
			group = "{'match': 'any', 'conditions': [" + group + "]}";
		}
		return group;
	}

	private static String rule(int tests) {
		return "{'name': 'n', 'conditions': [" + tests(tests) + "]}";
	}

	private static String tests(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> "{'field': 'plays', 'op': 'eq', 'value': " + i + "}")
			.collect(Collectors.joining(", "));
	}

}
