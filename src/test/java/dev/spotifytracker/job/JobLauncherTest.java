package dev.spotifytracker.job;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyAccountOnHoldException;
import dev.spotifytracker.spotify.SpotifySignInRequiredException;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class JobLauncherTest extends JobTestSupport {

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aRunRecordsItsStatusCallsItemsProgressMessageAndDetails() {
		AccountId alice = signedIn("alice");
		job("test").does((context) -> {
			context.spotify().currentUser();
			context.spotify().savedAlbums(0, 50);
			context.spotify().likedTracks(0, 50);
			context.progress(40, 80);
			context.detail("gap", Map.of("from", "2024-01-01T00:00:00Z"));
			return new JobResult(7, "7 liked tracks added");
		});

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.DASHBOARD));

		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run.job()).isEqualTo("test");
		assertThat(run.account()).isEqualTo(alice);
		assertThat(run.trigger()).isEqualTo(Trigger.DASHBOARD);
		// every Web API request the simulator answered (a retry would count too)
		assertThat(run.apiCalls()).isEqualTo(simulator().requests().apiTotal()).isGreaterThanOrEqualTo(3);
		assertThat(run.items()).isEqualTo(7);
		assertThat(run.progressDone()).isEqualTo(40);
		assertThat(run.progressTotal()).isEqualTo(80);
		assertThat(run.message()).isEqualTo("7 liked tracks added");
		assertThat(run.details()).containsEntry("gap", Map.of("from", "2024-01-01T00:00:00Z"));
		assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
	}

	@Test
	void startRunsTheJobInTheBackground() throws Exception {
		AccountId alice = account("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			gate.pass();
			return new JobResult(1, "done");
		});

		long runId = started(this.launcher.start("test", alice, Trigger.API));

		gate.awaitEntered();
		assertThat(run(runId).status()).isEqualTo(RunStatus.RUNNING);
		gate.open();
		assertThat(awaitEnd(runId).status()).isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void progressIsWrittenWhileTheJobRuns() throws Exception {
		AccountId alice = signedIn("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			context.spotify().currentUser();
			context.progress(3, 10);
			gate.pass();
			return new JobResult(0, null);
		});

		long runId = started(this.launcher.start("test", alice, Trigger.API));

		gate.awaitEntered();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> run(runId).progressDone() == 3 && run(runId).apiCalls() == simulator().requests().apiTotal());
		assertThat(run(runId).progressTotal()).isEqualTo(10);
		assertThat(run(runId).isRunning()).isTrue();
	}

	@Test
	void logLinesShowWhileTheJobIsInsideItsOwnTransactionAndOutliveItsRollback() throws Exception {
		// a library pass holds one transaction across all its Spotify calls; a full batch
		// of lines is written on the job's own thread, inside that transaction
		AccountId alice = account("alice");
		Gate gate = gate();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		job("test").does((context) -> transaction.execute((status) -> {
			this.jdbc.sql("select 1").query(Integer.class).single();
			for (int page = 1; page <= RunLog.BATCH; page++) {
				context.info("Read page {}", page);
			}
			try {
				gate.pass();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new JobFailedException("page 51 failed");
		}));

		long runId = started(this.launcher.start("test", alice, Trigger.API));

		gate.awaitEntered();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.jobRuns.runLogs(runId).size() == RunLog.BATCH);
		gate.open();
		JobRun ended = awaitEnd(runId);
		assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
		assertThat(this.jobRuns.runLogs(runId)).hasSize(RunLog.BATCH + 1)
			.last()
			.extracting(LogLine::message)
			.isEqualTo("Failed: page 51 failed");
	}

	@Test
	void aFailingJobLeavesAFailedRunWithItsMessageAndItsLogLines() {
		AccountId alice = account("alice");
		job("test").does((context) -> {
			context.info("Reading page {} of {}", 1, 3);
			throw new JobFailedException("the catalog is gone");
		});

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		assertThat(run.message()).isEqualTo("the catalog is gone");
		assertThat(run.finishedAt()).isNotNull();
		assertThat(this.jobRuns.runLogs(run.id())).extracting(LogLine::level, LogLine::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LogLevel.INFO, "Reading page 1 of 3"),
					org.assertj.core.groups.Tuple.tuple(LogLevel.ERROR, "Failed: the catalog is gone"));
	}

	@Test
	void anUnexpectedFailureKeepsItsDetailsInTheServiceLogAndTheRunSaysWhenToLook() {
		// given a job that meets a database error whose text names SQL
		AccountId alice = account("alice");
		job("test").does((context) -> {
			throw new org.springframework.jdbc.BadSqlGrammarException("merge",
					"insert into liked_tracks (account_id, track_id) values (?, ?)",
					new java.sql.SQLException("column \"secret_column\" does not exist"));
		});

		// when it runs
		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		// then neither its message nor its log says more than when to look
		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		assertThat(run.message()).matches("Failed: see the log at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(this.jobRuns.runLogs(run.id())).extracting(LogLine::message).containsExactly(run.message());
	}

	@Test
	void aFailureWithoutAMessageSaysWhenToLookInTheLog() {
		AccountId alice = account("alice");
		job("test").does((context) -> {
			throw new NullPointerException();
		});

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		assertThat(run.message()).startsWith("Failed: see the log at ");
	}

	@Test
	void aRunThatLostTheDatabaseSaysSoWithoutTheDatabasesOwnWords() {
		// given a job whose database went away (a restart, a network cut)
		AccountId alice = account("alice");
		job("test").does((context) -> {
			throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
		});

		// when it runs
		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		// then the run says what happened and when to look, in one sentence
		assertThat(run.status()).isEqualTo(RunStatus.FAILED);
		assertThat(run.message()).matches(
				"Failed: the database could not be reached \\(see the log at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
	}

	@Test
	void theLockIsFreeAgainAfterARunFailed() {
		AccountId alice = account("alice");
		job("test").does((context) -> {
			throw new IllegalStateException("boom");
		});
		finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));
		job("test").changes(2);

		JobRun second = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void aRunCarriesItsRunIdInTheLoggingContext() {
		AccountId alice = account("alice");
		String[] seen = new String[2];
		job("test").does((context) -> {
			seen[0] = MDC.get("runId");
			seen[1] = Long.toString(context.runId());
			return new JobResult(0, null);
		});

		this.launcher.runNow("test", alice, Trigger.SCHEDULE);

		assertThat(seen[0]).isNotNull().isEqualTo(seen[1]);
		assertThat(MDC.get("runId")).isNull();
	}

	@Test
	void anAccountOnHoldIsSkippedWithTheReasonAndTheJobDoesNotRun() {
		AccountId alice = account("alice");
		Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		holdAccount(alice, until, "QUOTA_EXCEEDED");

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(run.message()).isEqualTo("Spotify asked to wait until " + until + " (QUOTA_EXCEEDED)");
		assertThat(job("test").runs()).isZero();
		assertThat(this.jobRuns.runLogs(run.id())).extracting(LogLine::level, LogLine::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LogLevel.WARN, "Skipped: " + run.message()));
	}

	@Test
	void anAccountThatMustSignInAgainIsSkippedWithTheReason() {
		AccountId alice = account("alice");
		requireSignIn(alice);

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(run.message()).isEqualTo("alice must sign in again");
		assertThat(job("test").runs()).isZero();
	}

	@Test
	void startAnswersStartedForASkippedRunAndItsRowSaysWhy() {
		AccountId alice = account("alice");
		requireSignIn(alice);

		long runId = started(this.launcher.start("test", alice, Trigger.API));

		assertThat(run(runId).status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(run(runId).message()).isEqualTo("alice must sign in again");
	}

	@Test
	void aJobThatFindsTheAccountOnHoldEndsSkipped() {
		AccountId alice = account("alice");
		Instant until = Instant.parse("2030-01-01T00:00:00Z");
		job("test").does((context) -> {
			throw new SpotifyAccountOnHoldException(alice, until, "rate limited");
		});

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(run.message()).isEqualTo("Spotify asked to wait until 2030-01-01T00:00:00Z (rate limited)");
	}

	@Test
	void aJobThatFindsSignInNeededEndsSkipped() {
		AccountId alice = account("alice");
		job("test").does((context) -> {
			throw new SpotifySignInRequiredException(alice, "alice must sign in again: Spotify refused the token");
		});

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		assertThat(run.status()).isEqualTo(RunStatus.SKIPPED);
		assertThat(run.message()).isEqualTo("alice must sign in again: Spotify refused the token");
	}

	@Test
	void anUnknownJobStartsNothing() {
		AccountId alice = account("alice");

		Launch launch = this.launcher.start("dance", alice, Trigger.API);

		assertThat(launch).isEqualTo(new Launch.UnknownJob("dance"));
		assertThat(runCount()).isZero();
	}

	@Test
	void theFeaturesJobsAndTheCycleAreKnown() {
		assertThat(this.launcher.jobNames()).contains("all", "library", "plays", "playlists", "reconcile",
				"availability");
	}

	@Test
	void recentRunsArePagedNewestFirstAndFiltered() {
		AccountId alice = account("alice");
		AccountId bob = account("bob");
		long first = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE)).id();
		long second = finished(this.launcher.runNow("test-peer", alice, Trigger.SCHEDULE)).id();
		long third = finished(this.launcher.runNow("test", bob, Trigger.SCHEDULE)).id();

		RunPage page = this.jobRuns.recent(RunQuery.forAccounts(List.of(alice)), 0, 1);
		RunPage next = this.jobRuns.recent(RunQuery.forAccounts(List.of(alice)), 1, 1);

		assertThat(page.runs()).extracting(JobRun::id).containsExactly(second);
		assertThat(page.hasMore()).isTrue();
		assertThat(next.runs()).extracting(JobRun::id).containsExactly(first);
		assertThat(next.hasMore()).isFalse();
		assertThat(this.jobRuns.recent(new RunQuery(null, "test", RunStatus.SUCCEEDED), 0, 10).runs())
			.extracting(JobRun::id)
			.containsExactly(third, first);
		assertThat(this.jobRuns.lastRuns(List.of(alice, bob))).extracting(JobRun::id)
			.containsExactlyInAnyOrder(first, second, third);
	}

}
