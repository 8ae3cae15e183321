package dev.spotifytracker.job;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.spotifytracker.account.JobAccounts;
import dev.spotifytracker.app.AccountId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedules' work; the test context has them switched off (as every test does), so
 * they are called here directly.
 */
class JobSchedulesTest extends JobTestSupport {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private JobAccounts accounts;

	@Autowired
	private RunLocks locks;

	@Autowired
	private JobProperties properties;

	@Autowired
	private Retention retention;

	@Autowired
	private JobRegistry registry;

	@Test
	void withSchedulesSwitchedOffNothingIsScheduled() {
		assertThat(this.context.getBeansOfType(JobSchedules.class)).isEmpty();
		assertThat(this.context.getBeansOfType(ScheduledTaskHolder.class).values())
			.allSatisfy((holder) -> assertThat(holder.getScheduledTasks()).isEmpty());
		assertThat(this.jobRuns.nextScheduledRun("all")).isEmpty();
	}

	@Test
	void theCycleRunsForEveryScheduledAccount() {
		AccountId alice = account("alice");
		AccountId bob = account("bob");

		schedules().cycle();

		assertThat(runsOf("all")).extracting(JobRun::account, JobRun::trigger)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(alice, Trigger.SCHEDULE),
					org.assertj.core.groups.Tuple.tuple(bob, Trigger.SCHEDULE));
	}

	@Test
	void theDailyScheduleReconcilesThenChecksAvailabilityThenEnrichesThenChecksAndRebuildsThePlaylists() {
		AccountId alice = account("alice");

		schedules().daily();

		List<JobRun> runs = this.jobRuns.recent(RunQuery.forAccounts(List.of(alice)), 0, 10).runs();
		assertThat(runs).extracting(JobRun::job)
			.containsExactly("playlists-reconcile", "enrich", "availability", "reconcile");
	}

	@Test
	void theDailyScheduleForgetsOldCallCountsAndLogLinesButKeepsTheirRuns() {
		AccountId alice = account("alice");
		Instant now = Instant.now();
		long oldRun = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE)).id();
		logLine(oldRun, alice, now.minus(Retention.LOG_LINES).minus(Duration.ofHours(1)), "old");
		logLine(oldRun, alice, now.minus(Retention.LOG_LINES).plus(Duration.ofHours(1)), "recent");
		callCount(alice, now.minus(Retention.CALL_COUNTS).minus(Duration.ofMinutes(5)));
		callCount(alice, now.minus(Duration.ofHours(23)));

		schedules().daily();

		assertThat(this.jobRuns.runLogs(oldRun)).extracting(LogLine::message).contains("recent").doesNotContain("old");
		assertThat(this.jdbc.sql("select count(*) from spotify_calls").query(Integer.class).single()).isOne();
		assertThat(run(oldRun).status()).isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void theDailyScheduleForgetsRunsOlderThanTheRunRetentionWithTheirLogLines() {
		// given a run older than the retention (a year by default), one just inside it,
		// and
		// one still going since long ago
		AccountId alice = account("alice");
		Instant now = Instant.now();
		Duration retention = Duration.ofDays(this.properties.runRetentionDays());
		long old = endedRun(alice, now.minus(retention).minus(Duration.ofHours(1)));
		logLine(old, alice, now.minus(Duration.ofDays(1)), "of an old run");
		long kept = endedRun(alice, now.minus(retention).plus(Duration.ofHours(1)));

		// when the daily schedule runs
		schedules().daily();

		// then the old run and its lines are gone, the other stays
		assertThat(this.jobRuns.run(old)).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from logs where run_id = ?").param(old).query(Integer.class).single())
			.isZero();
		assertThat(this.jobRuns.run(kept)).isPresent();
	}

	private long endedRun(AccountId account, Instant startedAt) {
		return this.jdbc.sql("""
				insert into job_runs (job, account_id, trigger, status, started_at, finished_at)
				values ('test', ?, 'schedule', 'succeeded', ?, ?) returning id
				""")
			.params(account.value(), RunRepository.timestamp(startedAt),
					RunRepository.timestamp(startedAt.plusSeconds(60)))
			.query(Long.class)
			.single();
	}

	private void logLine(long runId, AccountId account, Instant at, String message) {
		this.jdbc.sql("insert into logs (run_id, account_id, at, level, message) values (?, ?, ?, 'INFO', ?)")
			.params(runId, account.value(), RunRepository.timestamp(at), message)
			.update();
	}

	private void callCount(AccountId account, Instant at) {
		this.jdbc.sql("""
				insert into spotify_calls (minute, account_id, endpoint, calls)
				values (:minute, :account, 'GET /v1/me/tracks', 1)
				""")
			.param("minute", RunRepository.timestamp(at.truncatedTo(ChronoUnit.MINUTES)))
			.param("account", account.value())
			.update();
	}

	@Test
	void aScheduleThatJustRanOnAnotherInstanceDoesNotRunAgain() {
		account("alice");
		schedules().cycle();

		// another instance whose clock is a few seconds late
		schedules().cycle();

		assertThat(runsOf("all")).hasSize(1);
	}

	private JobSchedules schedules() {
		return new JobSchedules(this.launcher, this.accounts, this.locks, this.properties, null, this.retention,
				this.registry);
	}

}
