package dev.spotifytracker.playlist;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.spotifytracker.plays.PlayRollups;
import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.spotifytracker.playlist.TestLibrary.aLibrary;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fields a rule reads from the plays give the same answers whether the account's play
 * rollups are built (the per-track rollup answers) or not (every play is read).
 */
@IntegrationTest
class RuleQueriesFromRollupsTest {

	static final Instant NOW = RuleQueriesTest.NOW;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuleQueries queries;

	@Autowired
	PlayRollups rollups;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void listenedMsIsTheSameFromTheRollupAsFromThePlays() {
		TestLibrary library = aLibrary(this.jdbc, "alice").savedAlbum("A", daysAgo(100), "a1", "a2", "a3")
			.details("a1", "One", 200_000, false)
			.details("a2", "Two", 100_000, false)
			.playedFor("a1", daysAgo(1), 50_000)
			.playedFor("a1", daysAgo(2), null)
			.playedFor("a2", daysAgo(1), 100_000)
			.playedFor("a3", daysAgo(3), 10_000);
		String rule = """
				{"name": "n", "conditions": [{"field": "listenedMs", "op": "gte", "value": 100000}],
				 "sort": [{"field": "listenedMs", "dir": "desc"}]}""";
		List<String> fromPlays = select(library, rule);

		this.transactions.executeWithoutResult((status) -> this.rollups.rebuild(library.account()));
		List<String> fromRollup = select(library, rule);

		// a1: 50,000 + 200,000 (its length where the time is unknown); a2: 100,000; a3's
		// 10 s is no play
		assertThat(fromPlays).containsExactly("a1", "a2");
		assertThat(fromRollup).isEqualTo(fromPlays);
		assertThat(this.jdbc.sql("select count(*) from play_rollup_zones").query(Integer.class).single()).isOne();
	}

	private List<String> select(TestLibrary library, String rule) {
		return TestLibrary
			.names(this.queries.select(library.account(), RuleParser.parse(rule), NOW, ZoneOffset.UTC).trackIds());
	}

	private static Instant daysAgo(int days) {
		return NOW.minus(Duration.ofDays(days));
	}

}
