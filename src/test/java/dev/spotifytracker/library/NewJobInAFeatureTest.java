package dev.spotifytracker.library;

import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobLauncher;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.job.JobRun;
import dev.spotifytracker.job.JobSchedule;
import dev.spotifytracker.job.Launch;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * A feature adds a job by writing it in its own package, nothing else: the job below (a
 * bean of this test only) appears on the jobs page with its description, takes its place
 * in the cycle, is listed with the cycle's jobs in Settings, and the job API starts it.
 * No file of {@code job} or {@code web} names it.
 */
@IntegrationTest
@AutoConfigureMockMvc
class NewJobInAFeatureTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobLauncher launcher;

	AccountId alice;

	@BeforeEach
	void anOwner() {
		this.alice = Viewers.owner(this.jdbc, "alice");
	}

	@Test
	void theJobsPageOffersItWithItsDescription() throws Exception {
		this.mvc.perform(get("/jobs").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//button[@id='start-library-check']").exists())
			.andExpect(xpath("//*[@id='about-library-check']").string(LibraryCheckJob.DESCRIPTION));
	}

	@Test
	void theCycleRunsItInItsPlaceBetweenTheLibraryAndThePlays() {
		JobRun cycle = ((Launch.Finished) this.launcher.runNow("all", this.alice, Trigger.API)).run();

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> steps = (List<Map<String, Object>>) cycle.details().get("steps");
		assertThat(steps).extracting((step) -> step.get("job"))
			.containsSubsequence("library", "library-check", "plays", "playlists");
		assertThat(steps).filteredOn((step) -> "library-check".equals(step.get("job")))
			.singleElement()
			.satisfies((step) -> assertThat(step).containsEntry("status", "succeeded").containsEntry("items", 7));
	}

	@Test
	void settingsListItWithTheCyclesJobs() throws Exception {
		this.mvc.perform(get("/settings").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//table[@id='schedules']/tbody/tr[1]/td[3]")
				.string("library, then library-check, then plays, then playlists"));
	}

	@Test
	void theJobApiStartsIt() {
		Launch launch = this.launcher.start("library-check", this.alice, Trigger.API);

		assertThat(launch).isInstanceOf(Launch.Started.class);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class NewJob {

		@Bean
		LibraryCheckJob libraryCheckJob() {
			return new LibraryCheckJob();
		}

	}

	/**
	 * The new job, as a feature would write it.
	 */
	static class LibraryCheckJob implements Job {

		static final String DESCRIPTION = "Checks the library after each sync.";

		@Override
		public String name() {
			return "library-check";
		}

		@Override
		public String description() {
			return DESCRIPTION;
		}

		@Override
		public JobSchedule schedule() {
			return JobSchedule.cycle(15);
		}

		@Override
		public JobResult run(JobContext context) {
			return new JobResult(7, "7 checked");
		}

	}

}
