package dev.spotifytracker.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.spotifytracker.app.AccountId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunLockTest extends JobTestSupport {

	@Test
	void twoTriggersAtOnceGiveOneRun() throws Exception {
		AccountId alice = account("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			gate.pass();
			return new JobResult(0, null);
		});
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(2);
		List<Future<Launch>> launches = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				launches.add(callers.submit(() -> {
					ready.countDown();
					go.await();
					return this.launcher.start("test", alice, Trigger.API);
				}));
			}
			ready.await();
			go.countDown();
			Launch first = launches.get(0).get(30, TimeUnit.SECONDS);
			Launch second = launches.get(1).get(30, TimeUnit.SECONDS);

			List<Launch> both = List.of(first, second);
			long runId = both.stream()
				.filter(Launch.Started.class::isInstance)
				.map((launch) -> ((Launch.Started) launch).runId())
				.findFirst()
				.orElseThrow();
			assertThat(both).containsExactlyInAnyOrder(new Launch.Started(runId), new Launch.AlreadyRunning(runId));
			assertThat(runCount()).isOne();
		}
		finally {
			callers.shutdownNow();
		}
		gate.awaitEntered();
		gate.open();
		assertThat(job("test").runs()).isOne();
	}

	@Test
	void aTriggerWhileTheJobRunsAnswersAlreadyRunningAndRecordsNothing() throws Exception {
		AccountId alice = account("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			gate.pass();
			return new JobResult(0, null);
		});
		long runId = started(this.launcher.start("test", alice, Trigger.API));
		gate.awaitEntered();

		Launch again = this.launcher.runNow("test", alice, Trigger.SCHEDULE);

		assertThat(again).isEqualTo(new Launch.AlreadyRunning(runId));
		assertThat(runCount()).isOne();
		gate.open();
		assertThat(awaitEnd(runId).status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(job("test").runs()).isOne();
	}

	@Test
	void jobsOfOneLockGroupExcludeEachOther() throws Exception {
		AccountId alice = account("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			gate.pass();
			return new JobResult(0, null);
		});
		long runId = started(this.launcher.start("test", alice, Trigger.API));
		gate.awaitEntered();

		Launch peer = this.launcher.start("test-peer", alice, Trigger.API);

		assertThat(peer).isEqualTo(new Launch.AlreadyRunning(runId));
		assertThat(runsOf("test-peer")).isEmpty();
		assertThat(job("test-peer").runs()).isZero();
	}

	@Test
	void otherAccountsAndOtherLockGroupsRunMeanwhile() throws Exception {
		AccountId alice = account("alice");
		AccountId bob = account("bob");
		Gate gate = gate();
		job("test").does((context) -> {
			if (context.account().equals(alice)) {
				gate.pass();
			}
			return new JobResult(0, null);
		});
		started(this.launcher.start("test", alice, Trigger.API));
		gate.awaitEntered();

		JobRun bobsRun = finished(this.launcher.runNow("test", bob, Trigger.API));
		JobRun otherGroup = finished(this.launcher.runNow("test-essential", alice, Trigger.API));

		assertThat(bobsRun.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(otherGroup.status()).isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void theNextRunEndsARunThatAStoppedInstanceLeftRunning() {
		AccountId alice = account("alice");
		long abandoned = this.jdbc.sql("""
				insert into job_runs (job, account_id, trigger, status, started_at)
				values ('test-peer', ?, 'schedule', 'running', now() - interval '3 hours') returning id
				""").param(alice.value()).query(Long.class).single();

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run(abandoned).status()).isEqualTo(RunStatus.FAILED);
		assertThat(run(abandoned).message()).isEqualTo("Interrupted: the service stopped while this run was going");
	}

	@Test
	void aLockLeftInTheTableByAnotherInstanceHoldsTheJobBack() {
		AccountId alice = account("alice");
		// written the way ShedLock writes it: UTC wall-clock time
		this.jdbc
			.sql("""
					insert into shedlock (name, lock_until, locked_at, locked_by)
					values (?, timezone('utc', current_timestamp) + interval '5 minutes', timezone('utc', current_timestamp), 'another-instance')
					on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by
					""")
			.param(RunLocks.runLockName("test", alice))
			.update();

		Launch launch = this.launcher.start("test", alice, Trigger.API);

		assertThat(launch).isEqualTo(new Launch.AlreadyRunning(null));
		assertThat(runCount()).isZero();
	}

	@Test
	void aRunWhoseLockLapsedStopsBeforeItsNextWriteWhileASecondRunOfItsGroupClaims() throws Exception {
		// given a run holding its group's lock, about to create a playlist
		AccountId alice = signedIn("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			gate.pass();
			context.spotify().createPlaylist("Twice?", "", false);
			return new JobResult(1, "created");
		});
		long first = started(this.launcher.start("test", alice, Trigger.API));
		gate.awaitEntered();

		// when its lease lapses under it and another run of the group claims the lock
		this.jdbc.sql("""
				update shedlock set lock_until = timezone('utc', current_timestamp) - interval '1 second'
				where name = ?
				""").param(RunLocks.runLockName("test", alice)).update();
		JobRun second = finished(this.launcher.runNow("test-peer", alice, Trigger.API));
		gate.open();

		// then the second ran, and the first stopped before sending its write
		assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
		JobRun stopped = awaitEnd(first);
		assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
		assertThat(stopped.message()).startsWith("Stopped: lost its lock");
		assertThat(simulator().requests().count("POST /v1/me/playlists")).isZero();
	}

	@Test
	void theSecondRunKeepsItsLockWhenTheRunItTookOverEnds() throws Exception {
		// given a run whose lock lapsed and was claimed by a run of the same group
		AccountId alice = account("alice");
		Gate firstGate = gate();
		Gate secondGate = gate();
		job("test").does((context) -> {
			firstGate.pass();
			return new JobResult(0, null);
		});
		job("test-peer").does((context) -> {
			secondGate.pass();
			return new JobResult(0, null);
		});
		long first = started(this.launcher.start("test", alice, Trigger.API));
		firstGate.awaitEntered();
		this.jdbc.sql("""
				update shedlock set lock_until = timezone('utc', current_timestamp) - interval '1 second'
				where name = ?
				""").param(RunLocks.runLockName("test", alice)).update();
		long second = started(this.launcher.start("test-peer", alice, Trigger.API));
		secondGate.awaitEntered();

		// when the first ends and releases what it thinks is its lock
		firstGate.open();
		awaitEnd(first);

		// then the second run still holds the group: a third start is refused
		assertThat(this.launcher.start("test", alice, Trigger.API)).isEqualTo(new Launch.AlreadyRunning(second));
	}

}
