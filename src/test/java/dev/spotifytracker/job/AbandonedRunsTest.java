package dev.spotifytracker.job;

import dev.spotifytracker.app.AccountId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class AbandonedRunsTest extends JobTestSupport {

	private static final String INTERRUPTED = "Interrupted: the service stopped while this run was going";

	@Autowired
	private AbandonedRuns abandoned;

	@Test
	void aRunLeftRunningWithoutItsLockRowIsFailedByTheSweep() {
		// given a run a killed process left running, its lock row gone
		AccountId alice = account("alice");
		long killed = runningRow("test", alice);

		// when the sweep of a start-up runs
		int ended = this.abandoned.sweep();

		// then the run shows as failed, with one sentence
		assertThat(ended).isOne();
		assertThat(run(killed).status()).isEqualTo(RunStatus.FAILED);
		assertThat(run(killed).message()).isEqualTo(INTERRUPTED);
		assertThat(run(killed).finishedAt()).isNotNull();
	}

	@Test
	void aRunWhoseLockLeaseEndedIsFailedByTheSweep() {
		// given a killed run whose lock row stayed, its lease over
		AccountId alice = account("alice");
		long killed = runningRow("test-peer", alice);
		lockRow(RunLocks.runLockName("test", alice), "- interval '1 second'");

		// when the sweep runs
		this.abandoned.sweep();

		// then it failed
		assertThat(run(killed).status()).isEqualTo(RunStatus.FAILED);
	}

	@Test
	void aRunWhoseLockIsStillHeldIsLeftRunning() throws Exception {
		// given a live run of this instance and a run whose lock another instance holds
		AccountId alice = account("alice");
		AccountId bob = account("bob");
		Gate gate = gate();
		job("test").does((context) -> {
			gate.pass();
			return new JobResult(0, null);
		});
		long live = started(this.launcher.start("test", alice, Trigger.API));
		gate.awaitEntered();
		long elsewhere = runningRow("test", bob);
		lockRow(RunLocks.runLockName("test", bob), "+ interval '5 minutes'");

		// when the sweep runs
		int ended = this.abandoned.sweep();

		// then both still run
		assertThat(ended).isZero();
		assertThat(run(live).status()).isEqualTo(RunStatus.RUNNING);
		assertThat(run(elsewhere).status()).isEqualTo(RunStatus.RUNNING);
		gate.open();
		assertThat(awaitEnd(live).status()).isEqualTo(RunStatus.SUCCEEDED);
		this.jdbc.sql("update job_runs set status = 'failed' where id = ?").param(elsewhere).update();
	}

	private long runningRow(String job, AccountId account) {
		return this.jdbc.sql("""
				insert into job_runs (job, account_id, trigger, status, started_at)
				values (?, ?, 'schedule', 'running', now() - interval '20 minutes') returning id
				""").params(job, account.value()).query(Long.class).single();
	}

	private void lockRow(String name, String untilFromNow) {
		this.jdbc
			.sql("""
					insert into shedlock (name, lock_until, locked_at, locked_by)
					values (?, timezone('utc', current_timestamp) %s, timezone('utc', current_timestamp), 'another-instance')
					on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by
					"""
				.formatted(untilFromNow))
			.param(name)
			.update();
	}

}
