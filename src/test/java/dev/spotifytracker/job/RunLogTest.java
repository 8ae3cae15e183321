package dev.spotifytracker.job;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

@ExtendWith(OutputCaptureExtension.class)
class RunLogTest extends JobTestSupport {

	@Test
	void logLinesAreWrittenInBatches() {
		AccountId alice = account("alice");
		job("test").does((context) -> {
			for (int i = 1; i <= 120; i++) {
				context.info("Line {}", i);
			}
			return new JobResult(0, null);
		});

		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<LogRepository.PendingLine>> batches = ArgumentCaptor.forClass(List.class);
		verify(this.logRepository, atLeastOnce()).insert(anyLong(), any(), batches.capture());
		// 50, 50 and the last 20 at the end (the timer may have cut one batch short)
		assertThat(batches.getAllValues()).hasSizeBetween(3, 4)
			.allSatisfy((batch) -> assertThat(batch).hasSizeLessThanOrEqualTo(50));
		assertThat(this.jobRuns.runLogs(run.id())).hasSize(120)
			.extracting(LogLine::message)
			.startsWith("Line 1", "Line 2")
			.endsWith("Line 120");
	}

	@Test
	void aFullBatchIsWrittenAtOnceWhileTheJobRuns() throws Exception {
		AccountId alice = account("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			for (int i = 1; i <= RunLog.BATCH; i++) {
				context.info("Line {}", i);
			}
			gate.pass();
			return new JobResult(0, null);
		});

		long runId = started(this.launcher.start("test", alice, Trigger.API));
		gate.awaitEntered();

		assertThat(this.jobRuns.runLogs(runId)).hasSize(RunLog.BATCH);
		assertThat(run(runId).isRunning()).isTrue();
	}

	@Test
	void aLoneLineReachesTheTableWithinAboutASecondWhileTheJobRuns() throws Exception {
		AccountId alice = account("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			context.warn("Possible gap in the play history");
			gate.pass();
			return new JobResult(0, null);
		});

		long runId = started(this.launcher.start("test", alice, Trigger.API));
		gate.awaitEntered();

		await().atMost(Duration.ofSeconds(3)).until(() -> this.jobRuns.runLogs(runId).size() == 1);
		assertThat(run(runId).isRunning()).isTrue();
	}

	@Test
	void aFailingLogWriteDoesNotFailTheRunAndIsReportedOnce(CapturedOutput output) {
		AccountId alice = account("alice");
		job("test").does((context) -> {
			for (int i = 1; i <= 120; i++) {
				context.info("Line {}", i);
			}
			return new JobResult(4, "4 changed");
		});
		this.jdbc.sql("""
				create function reject_log_lines() returns trigger language plpgsql as
				$$ begin raise exception 'logs are read-only in this test'; end $$
				""").update();
		this.jdbc.sql("""
				create trigger reject_log_lines before insert on logs
				for each statement execute function reject_log_lines()
				""").update();
		JobRun run;
		try {
			run = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));
		}
		finally {
			this.jdbc.sql("drop trigger reject_log_lines on logs").update();
			this.jdbc.sql("drop function reject_log_lines()").update();
		}

		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
		assertThat(run.message()).isEqualTo("4 changed");
		assertThat(run.items()).isEqualTo(4);
		assertThat(this.jobRuns.runLogs(run.id())).isEmpty();
		assertThat(output.getAll().split("Could not write", -1)).hasSize(2);
	}

	@Test
	void logsAreListedNewestFirstAndFilteredByJobLevelTextAccountAndTime() {
		AccountId alice = account("alice");
		AccountId bob = account("bob");
		job("test").does((context) -> {
			context.info("Read 3 pages");
			context.warn("Possible gap from {} to {}", "10:00", "10:20");
			return new JobResult(0, null);
		});
		job("test-peer").does((context) -> {
			context.warn("Another warning");
			return new JobResult(0, null);
		});
		JobRun alicesRun = finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));
		finished(this.launcher.runNow("test", bob, Trigger.SCHEDULE));
		finished(this.launcher.runNow("test-peer", alice, Trigger.SCHEDULE));

		LogPage warnings = this.jobRuns
			.logs(new LogQuery(List.of(alice), null, Set.of(LogLevel.WARN), null, null, null), null, 10);
		LogPage ofTestJob = this.jobRuns.logs(new LogQuery(List.of(alice), "test", null, null, null, null), null, 10);
		LogPage gaps = this.jobRuns.logs(new LogQuery(List.of(alice, bob), null, null, "GAP FROM", null, null), null,
				10);
		LogPage none = this.jobRuns.logs(
				new LogQuery(List.of(alice), null, null, null, null, alicesRun.startedAt().minusSeconds(60)), null, 10);

		assertThat(warnings.lines()).extracting(LogLine::message)
			.containsExactly("Another warning", "Possible gap from 10:00 to 10:20");
		assertThat(ofTestJob.lines()).extracting(LogLine::message)
			.containsExactly("Possible gap from 10:00 to 10:20", "Read 3 pages");
		assertThat(ofTestJob.lines()).allSatisfy((line) -> assertThat(line.runId()).isEqualTo(alicesRun.id()));
		assertThat(gaps.lines()).hasSize(2);
		assertThat(none.lines()).isEmpty();
	}

	@Test
	void logPagesFollowEachOtherWithoutGapsOrRepeats() {
		AccountId alice = account("alice");
		job("test").does((context) -> {
			for (int i = 1; i <= 7; i++) {
				context.info("Line {}", i);
			}
			return new JobResult(0, null);
		});
		finished(this.launcher.runNow("test", alice, Trigger.SCHEDULE));
		LogQuery query = LogQuery.forAccounts(List.of(alice));

		LogPage first = this.jobRuns.logs(query, null, 3);
		LogPage second = this.jobRuns.logs(query, first.next(), 3);
		LogPage third = this.jobRuns.logs(query, second.next(), 3);

		assertThat(first.lines()).extracting(LogLine::message).containsExactly("Line 7", "Line 6", "Line 5");
		assertThat(second.lines()).extracting(LogLine::message).containsExactly("Line 4", "Line 3", "Line 2");
		assertThat(third.lines()).extracting(LogLine::message).containsExactly("Line 1");
		assertThat(third.next()).isNull();
	}

}
