package dev.spotifytracker.job;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The cycle's steps are the cycle jobs the service has: a feature that is not there adds
 * no step and leaves no trace.
 */
class CycleJobStepsTest {

	private static final AccountId ALICE = new AccountId(1);

	private final JobLauncher launcher = mock(JobLauncher.class);

	@Test
	void aMissingPlaylistsJobIsLeftOut() throws Exception {
		CycleJob cycle = cycleWith(new ScriptedJob("library", "library", false, JobSchedule.cycle(10)),
				new ScriptedJob("plays", "plays", true, JobSchedule.cycle(20)));
		when(this.launcher.runNow(eq("library"), any(), any())).thenReturn(finished("library", 4));
		when(this.launcher.runNow(eq("plays"), any(), any())).thenReturn(finished("plays", 0));
		RecordingContext context = new RecordingContext();

		JobResult result = cycle.run(context);

		assertThat(result).isEqualTo(new JobResult(4, "library: 4 changed, plays: 0 changed"));
		verify(this.launcher, never()).runNow(eq("playlists"), any(), any());
		assertThat((List<?>) context.details.get("steps")).hasSize(2);
	}

	@Test
	void aMissingLibraryJobLeavesThePlays() throws Exception {
		CycleJob cycle = cycleWith(new ScriptedJob("plays", "plays", true, JobSchedule.cycle(20)));
		when(this.launcher.runNow(eq("plays"), any(), any())).thenReturn(finished("plays", 1));

		JobResult result = cycle.run(new RecordingContext());

		assertThat(result.itemsChanged()).isEqualTo(1);
		verify(this.launcher, never()).runNow(eq("library"), any(), any());
	}

	private CycleJob cycleWith(Job... jobs) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		for (Job job : jobs) {
			beans.addBean(job.name(), job);
		}
		ObjectProvider<JobLauncher> launchers = new StaticListableBeanFactory(Map.of("launcher", this.launcher))
			.getBeanProvider(JobLauncher.class);
		return new CycleJob(launchers, new JobRegistry(beans.getBeanProvider(Job.class)));
	}

	private static Launch finished(String job, int items) {
		return new Launch.Finished(new JobRun(1, job, ALICE, Trigger.SCHEDULE, RunStatus.SUCCEEDED, Instant.now(),
				Instant.now(), 0, items, 0, null, null, Map.of()));
	}

	private static final class RecordingContext implements JobContext {

		private final Map<String, Object> details = new LinkedHashMap<>();

		@Override
		public long runId() {
			return 99;
		}

		@Override
		public AccountId account() {
			return ALICE;
		}

		@Override
		public Trigger trigger() {
			return Trigger.SCHEDULE;
		}

		@Override
		public dev.spotifytracker.spotify.SpotifyClient spotify() {
			throw new UnsupportedOperationException("the cycle itself calls no Spotify endpoint");
		}

		@Override
		public void info(String message, Object... arguments) {
		}

		@Override
		public void warn(String message, Object... arguments) {
		}

		@Override
		public void progress(int done, int total) {
		}

		@Override
		public void detail(String key, Object value) {
			this.details.put(key, value);
		}

	}

}
