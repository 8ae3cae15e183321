package dev.spotifytracker.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.plays.PlayRollups;
import dev.spotifytracker.support.Viewers;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stats against {@link StatsOracle}, an independent reading of DESIGN.md's counting
 * rules, over a generated history: several periods (open, across the 2026 daylight-saving
 * changes, one day, one year), in UTC and in Europe/Berlin (the account's own zone), read
 * from the plays and from the rollups (built in Berlin), also by viewers in other zones
 * (UTC and New York, whole hours off Berlin; Kolkata, half an hour off, and Kathmandu,
 * three quarters of an hour off, read from the quarters of the rollup hours).
 */
class StatsOracleTest extends ReportTestSupport {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	StatsService stats;

	@Autowired
	Clock clock;

	@Autowired
	PlayRollups rollups;

	@Autowired
	RollupStatsQueries rollupQueries;

	@Autowired
	TransactionTemplate transactions;

	private GeneratedHistory history;

	private AccountId account;

	@BeforeEach
	void history() {
		this.account = Viewers.create(this.jdbc, "alice", "owner", BERLIN.getId());
		this.history = GeneratedHistory.generate(14);
		this.history.writeTo(this.jdbc, this.account);
	}

	static List<LocalDate[]> periods() {
		List<LocalDate[]> periods = new ArrayList<>();
		periods.add(new LocalDate[] { null, null });
		periods.add(new LocalDate[] { LocalDate.parse("2026-03-25"), LocalDate.parse("2026-04-02") });
		periods.add(new LocalDate[] { LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29") });
		periods.add(new LocalDate[] { LocalDate.parse("2026-03-31"), LocalDate.parse("2026-03-31") });
		periods.add(new LocalDate[] { LocalDate.parse("2026-10-20"), LocalDate.parse("2026-10-31") });
		periods.add(new LocalDate[] { LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31") });
		periods.add(new LocalDate[] { LocalDate.parse("2026-03-30"), null });
		periods.add(new LocalDate[] { null, LocalDate.parse("2026-03-28") });
		periods.add(new LocalDate[] { LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-31") });
		periods.add(new LocalDate[] { LocalDate.parse("2026-04-05"), LocalDate.parse("2026-04-05") });
		periods.add(new LocalDate[] { LocalDate.parse("2026-04-06"), LocalDate.parse("2026-04-06") });
		// Berlin's clocks go back on 25 October, New York's on 1 November
		periods.add(new LocalDate[] { LocalDate.parse("2026-10-24"), LocalDate.parse("2026-11-01") });
		periods.add(new LocalDate[] { LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-25") });
		periods.add(new LocalDate[] { LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01") });
		periods.add(new LocalDate[] { LocalDate.parse("2026-10-26"), null });
		return periods;
	}

	@ParameterizedTest(name = "{0} from the {1}")
	@CsvSource({ "UTC, plays", "Europe/Berlin, plays", "Europe/Berlin, rollups", "UTC, rollups built in Berlin",
			"America/New_York, rollups built in Berlin", "Asia/Kolkata, rollups built in Berlin",
			"Asia/Kathmandu, rollups built in Berlin" })
	void topListsMatchTheOracleForEveryKindOrderAndPeriod(String zone, String path) {
		choose(zone, path);
		SoftAssertions softly = new SoftAssertions();
		for (LocalDate[] dates : periods()) {
			StatsOracle oracle = new StatsOracle(this.history, ZoneId.of(zone), dates[0], dates[1]);
			StatsPeriod period = period(zone, dates);
			for (TopKind kind : TopKind.values()) {
				for (TopOrder by : TopOrder.values()) {
					for (int limit : new int[] { 3, 100 }) {
						softly.assertThat(this.stats.top(period, kind, by, limit))
							.as("%s by %s, limit %d, %s to %s in %s", kind, by, limit, dates[0], dates[1], zone)
							.containsExactlyElementsOf(oracle.top(kind, by, limit));
					}
				}
			}
		}
		softly.assertAll();
	}

	@ParameterizedTest(name = "{0} from the {1}")
	@CsvSource({ "UTC, plays", "Europe/Berlin, plays", "Europe/Berlin, rollups", "UTC, rollups built in Berlin",
			"America/New_York, rollups built in Berlin", "Asia/Kolkata, rollups built in Berlin",
			"Asia/Kathmandu, rollups built in Berlin" })
	void summariesMatchTheOracleForEveryPeriod(String zone, String path) {
		choose(zone, path);
		SoftAssertions softly = new SoftAssertions();
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of(zone)));
		for (LocalDate[] dates : periods()) {
			StatsOracle oracle = new StatsOracle(this.history, ZoneId.of(zone), dates[0], dates[1]);
			softly.assertThat(this.stats.summary(period(zone, dates)))
				.as("%s to %s in %s", dates[0], dates[1], zone)
				.isEqualTo(oracle.summary(today));
		}
		softly.assertAll();
	}

	@ParameterizedTest(name = "{0} from the {1}")
	@CsvSource({ "UTC, plays", "Europe/Berlin, plays", "Europe/Berlin, rollups", "UTC, rollups built in Berlin",
			"America/New_York, rollups built in Berlin", "Asia/Kolkata, rollups built in Berlin",
			"Asia/Kathmandu, rollups built in Berlin" })
	void clocksMatchTheOracleForEveryPeriod(String zone, String path) {
		choose(zone, path);
		SoftAssertions softly = new SoftAssertions();
		for (LocalDate[] dates : periods()) {
			StatsOracle oracle = new StatsOracle(this.history, ZoneId.of(zone), dates[0], dates[1]);
			softly.assertThat(this.stats.clock(period(zone, dates)))
				.as("%s to %s in %s", dates[0], dates[1], zone)
				.isDeepEqualTo(oracle.clock());
		}
		softly.assertAll();
	}

	@ParameterizedTest(name = "{0} from the {1}")
	@CsvSource({ "UTC, plays", "Europe/Berlin, plays", "Europe/Berlin, rollups", "UTC, rollups built in Berlin",
			"America/New_York, rollups built in Berlin", "Asia/Kolkata, rollups built in Berlin",
			"Asia/Kathmandu, rollups built in Berlin" })
	void seriesMatchTheOracleForEveryStepAndPeriod(String zone, String path) {
		choose(zone, path);
		SoftAssertions softly = new SoftAssertions();
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of(zone)));
		for (LocalDate[] dates : periods()) {
			StatsOracle oracle = new StatsOracle(this.history, ZoneId.of(zone), dates[0], dates[1]);
			for (SeriesStep step : SeriesStep.values()) {
				softly.assertThat(this.stats.series(period(zone, dates), step))
					.as("%s steps, %s to %s in %s", step, dates[0], dates[1], zone)
					.containsExactlyElementsOf(oracle.series(step, today));
			}
		}
		softly.assertAll();
	}

	/**
	 * Builds the rollups (in the account's zone, Berlin) when the path needs them, and
	 * checks that the stats will read what the test means to test.
	 */
	private void choose(String zone, String path) {
		if (!path.equals("plays")) {
			this.transactions.executeWithoutResult((status) -> this.rollups.rebuild(this.account));
		}
		assertThat(this.rollupQueries.built(this.account)).as("rollups built").isEqualTo(!path.equals("plays"));
		assertThat(this.rollupQueries.builtIn(new StatsPeriod(this.account, ZoneId.of(zone), null, null)))
			.as("rollups built in the viewer's zone")
			.isEqualTo(path.equals("rollups"));
	}

	private StatsPeriod period(String zone, LocalDate[] dates) {
		return new StatsPeriod(this.account, ZoneId.of(zone), dates[0], dates[1]);
	}

}
