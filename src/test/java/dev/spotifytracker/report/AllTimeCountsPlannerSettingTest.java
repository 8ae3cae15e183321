package dev.spotifytracker.report;

import java.time.ZoneId;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.plays.PlayRollups;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An all-time summary switches hash joins off for its distinct counts alone: the rest of
 * the caller's transaction plans as it did before, whichever way it had them.
 */
class AllTimeCountsPlannerSettingTest extends ReportTestSupport {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	StatsService stats;

	@Autowired
	PlayRollups rollups;

	@Autowired
	TransactionTemplate transactions;

	private AccountId account;

	@BeforeEach
	void history() {
		this.account = Viewers.create(this.jdbc, "alice", "owner", BERLIN.getId());
		GeneratedHistory.generate(5).writeTo(this.jdbc, this.account);
		this.transactions.executeWithoutResult((status) -> this.rollups.rebuild(this.account));
	}

	@ParameterizedTest(name = "hash joins {0} before")
	@ValueSource(strings = { "on", "off" })
	void theTransactionKeepsItsHashJoinSetting(String before) {
		// when
		String[] after = this.transactions.execute((status) -> {
			this.jdbc.sql("select set_config('enable_hashjoin', ?, true)").param(before).query().singleRow();
			Summary summary = this.stats.summary(new StatsPeriod(this.account, BERLIN, null, null));
			return new String[] {
					this.jdbc.sql("select current_setting('enable_hashjoin')").query(String.class).single(),
					String.valueOf(summary.albums()) };
		});

		// then
		assertThat(after[0]).isEqualTo(before);
		assertThat(Long.parseLong(after[1])).as("the all-time counts ran").isPositive();
	}

}
