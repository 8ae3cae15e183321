package dev.spotifytracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.plays.PlayRollups;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The play rollups kept by {@link PlayRollups#changed} after each batch of plays (as the
 * poll, an import of the past and curation do it) hold exactly what a rebuild holds, and
 * the stats read from them match the oracle.
 */
class RollupMaintenanceTest extends ReportTestSupport {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	PlayRollups rollups;

	@Autowired
	StatsService stats;

	@Autowired
	RollupStatsQueries rollupQueries;

	@Autowired
	AccountService accounts;

	@Autowired
	TransactionTemplate transactions;

	private AccountId account;

	private GeneratedHistory history;

	@BeforeEach
	void catalog() {
		this.account = Viewers.create(this.jdbc, "alice", "owner", BERLIN.getId());
		this.history = GeneratedHistory.generate(21);
		this.history.writeCatalog(this.jdbc);
	}

	@Test
	void batchesStoredInOrderLeaveTheRollupsARebuildWouldBuild() {
		List<GeneratedHistory.Play> ordered = new ArrayList<>(this.history.plays);
		ordered.sort(Comparator.comparing(GeneratedHistory.Play::playedAt));

		storeInBatches(ordered);

		assertThat(trackPlayCounts()).isEqualTo(countedPlaysPerTrack());
		assertThat(snapshot()).isEqualTo(rebuiltSnapshot());
	}

	@Test
	void batchesOfThePastStoredInAnyOrderLeaveTheRollupsARebuildWouldBuild() {
		List<GeneratedHistory.Play> shuffled = new ArrayList<>(this.history.plays);
		Collections.shuffle(shuffled, new Random(5));
		List<GeneratedHistory.Play> bySession = new ArrayList<>(shuffled.subList(0, 300));
		bySession.sort(Comparator.comparing(GeneratedHistory.Play::playedAt));
		List<GeneratedHistory.Play> rest = new ArrayList<>(shuffled.subList(300, shuffled.size()));
		rest.sort(Comparator.comparing(GeneratedHistory.Play::playedAt));

		storeInBatches(rest);
		storeInBatches(bySession);

		assertThat(trackPlayCounts()).isEqualTo(countedPlaysPerTrack());
		assertThat(snapshot()).isEqualTo(rebuiltSnapshot());
	}

	@Test
	void removedPlaysLeaveTheRollupsARebuildWouldBuild() {
		this.history.writePlays(this.jdbc, this.account, this.history.plays);
		this.transactions.executeWithoutResult((status) -> this.rollups.rebuild(this.account));
		Instant from = Instant.parse("2026-03-28T00:00:00Z");
		Instant to = Instant.parse("2026-03-31T00:00:00Z");

		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("delete from plays where account_id = ? and played_at between ? and ? and id % 3 = 0")
				.params(this.account.value(), java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
				.update();
			this.rollups.changed(this.account, from, to);
		});

		assertThat(trackPlayCounts()).isEqualTo(countedPlaysPerTrack());
		assertThat(snapshot()).isEqualTo(rebuiltSnapshot());
	}

	@Test
	void statsFromIncrementallyKeptRollupsMatchTheOracle() {
		List<GeneratedHistory.Play> ordered = new ArrayList<>(this.history.plays);
		ordered.sort(Comparator.comparing(GeneratedHistory.Play::playedAt));
		storeInBatches(ordered);
		LocalDate[][] periods = { { null, null }, { LocalDate.parse("2026-03-25"), LocalDate.parse("2026-04-02") },
				{ LocalDate.parse("2026-10-25"), LocalDate.parse("2026-10-25") } };

		for (LocalDate[] dates : periods) {
			StatsPeriod period = new StatsPeriod(this.account, BERLIN, dates[0], dates[1]);
			StatsOracle oracle = new StatsOracle(this.history, BERLIN, dates[0], dates[1]);
			assertThat(this.rollupQueries.builtIn(period)).isTrue();
			assertThat(this.stats.summary(period)).isEqualTo(oracle.summary(this.stats.today(BERLIN)));
			assertThat(this.stats.top(period, TopKind.ARTISTS, TopOrder.TIME, 10))
				.containsExactlyElementsOf(oracle.top(TopKind.ARTISTS, TopOrder.TIME, 10));
		}
	}

	@Test
	void changingTheTimeZoneRebuildsTheRollupsInTheNewZone() {
		this.history.writePlays(this.jdbc, this.account, this.history.plays);
		this.transactions.executeWithoutResult((status) -> this.rollups.rebuild(this.account));
		StatsPeriod utc = new StatsPeriod(this.account, ZoneId.of("UTC"), null, null);
		assertThat(this.rollupQueries.builtIn(utc)).isFalse();

		this.accounts.changeTimeZone(new TestingAuthenticationToken("alice", null, "ROLE_OWNER"), "UTC");

		assertThat(this.rollupQueries.builtIn(utc)).isTrue();
		assertThat(trackPlayCounts()).isEqualTo(countedPlaysPerTrack());
		assertThat(this.stats.clock(utc))
			.isDeepEqualTo(new StatsOracle(this.history, ZoneId.of("UTC"), null, null).clock());
	}

	private void storeInBatches(List<GeneratedHistory.Play> plays) {
		for (int start = 0; start < plays.size(); start += 37) {
			List<GeneratedHistory.Play> batch = plays.subList(start, Math.min(plays.size(), start + 37));
			this.transactions.executeWithoutResult((status) -> {
				GeneratedHistory.writePlays(this.jdbc, this.account, batch);
				this.rollups.changed(this.account,
						batch.stream()
							.map(GeneratedHistory.Play::playedAt)
							.min(Comparator.naturalOrder())
							.orElseThrow(),
						batch.stream()
							.map(GeneratedHistory.Play::playedAt)
							.max(Comparator.naturalOrder())
							.orElseThrow());
			});
		}
	}

	private List<String> rebuiltSnapshot() {
		this.transactions.executeWithoutResult((status) -> this.rollups.rebuild(this.account));
		return snapshot();
	}

	private List<String> snapshot() {
		List<String> rows = new ArrayList<>();
		rows.addAll(this.jdbc.sql("""
				select concat_ws(' ', day, track_id, plays, ms, first_played_at, last_played_at) from play_days
				order by day, track_id
				""").query(String.class).list());
		rows.addAll(this.jdbc.sql(
				"select concat_ws(' ', day, hour, plays, ms, estimated_ms, plays_q, ms_q) from play_hours order by day, hour")
			.query(String.class)
			.list());
		rows.addAll(this.jdbc.sql(
				"select concat_ws(' ', started_at, last_started_at, ended_at, plays) from play_sessions order by started_at")
			.query(String.class)
			.list());
		rows.addAll(this.jdbc.sql("""
				select concat_ws(' ', track_id, plays, ms, first_day, last_day, first_played_at, last_played_at)
				from play_tracks order by track_id
				""").query(String.class).list());
		return rows;
	}

	/** What the read model says, per track. */
	private List<String> trackPlayCounts() {
		return this.jdbc.sql("""
				select concat_ws(' ', track_id, plays, first_played_at, last_played_at) from track_play_counts
				where account_id = ? order by track_id
				""").param(this.account.value()).query(String.class).list();
	}

	/** The same, aggregated from the counted plays as V5 did. */
	private List<String> countedPlaysPerTrack() {
		return this.jdbc.sql("""
				select concat_ws(' ', track_id, count(*), min(played_at), max(played_at)) from counted_plays
				where account_id = ? group by track_id order by track_id
				""").param(this.account.value()).query(String.class).list();
	}

}
