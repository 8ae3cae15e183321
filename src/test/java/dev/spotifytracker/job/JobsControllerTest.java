package dev.spotifytracker.job;

import java.time.Duration;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

@IntegrationTest
@AutoConfigureMockMvc
class JobsControllerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobRuns runs;

	@Autowired
	GatedJob library;

	@Autowired
	JobLauncher launcher;

	@Autowired
	JobRegistry registry;

	AccountId alice;

	@BeforeEach
	void anAccount() {
		this.alice = Viewers.owner(this.jdbc, "alice");
		this.library.close();
	}

	@AfterEach
	void letRunsEnd() {
		this.library.open();
	}

	@Test
	void aStartedRunIsShownLiveUntilItEnds() throws Exception {
		this.mvc
			.perform(post("/jobs/library").header("HX-Request", "true").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(xpath("//section[contains(@class,'live-run')]/@hx-trigger").string("every 1s"));
		long runId = runningRun();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.runs.run(runId).orElseThrow().progressDone() == 1 && !this.runs.runLogs(runId).isEmpty());

		this.mvc.perform(get("/jobs/runs/{id}/live", runId).with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//progress/@value").string("1"))
			.andExpect(xpath("//progress/@max").string("2"))
			.andExpect(xpath("//ol[contains(@class,'log-lines')]/li[1]").string(containsString("page 1 of 2")));

		this.library.open();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.runs.run(runId).orElseThrow().isRunning());

		this.mvc.perform(get("/jobs/runs/{id}/live", runId).with(Viewers.signedInAs("alice")))
			.andExpect(header().string("HX-Trigger", JobsController.RUN_ENDED_EVENT))
			.andExpect(xpath("//section/@hx-trigger").doesNotExist())
			.andExpect(xpath("//progress/@value").string("1"))
			.andExpect(xpath("//progress/@max").string("1"))
			.andExpect(xpath("//*[@id='run-status-" + runId + "']").string("succeeded"))
			.andExpect(xpath("//*[@id='run-result-" + runId + "']").string("3 albums added"));
	}

	@Test
	void aSecondClickWhileItRunsSaysItIsAlreadyRunning() throws Exception {
		this.mvc
			.perform(post("/jobs/library").header("HX-Request", "true").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(status().isOk());
		long runId = runningRun();

		this.mvc
			.perform(post("/jobs/library").header("HX-Request", "true").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(xpath("//*[@id='start-notice']").string(containsString("already running")))
			.andExpect(xpath("//section[@id='run-" + runId + "']").exists());
		assertThat(this.jdbc.sql("select count(*) from job_runs where job = 'library'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void withoutHtmxAStartGoesToTheRunsPage() throws Exception {
		this.mvc.perform(post("/jobs/library").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(redirectedUrlPattern("/jobs/runs/*"));
		long runId = runningRun();

		this.mvc.perform(get("/jobs/runs/{id}", runId).with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//h1").string("Run " + runId + ": library"));
	}

	@Test
	void theRecentRunsArePaged() throws Exception {
		for (int i = 0; i < JobsController.RUNS_PER_PAGE + 3; i++) {
			this.jdbc.sql("""
					insert into job_runs (job, account_id, trigger, status, started_at, finished_at, api_calls)
					values ('plays', ?, 'schedule', 'succeeded', now() - make_interval(mins => ?), now(), 2)
					""").params(this.alice.value(), i).update();
		}

		this.mvc.perform(get("/jobs").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//table[@id='runs']/tbody/tr").nodeCount(JobsController.RUNS_PER_PAGE))
			.andExpect(xpath("//a[@rel='next']/@href").string("/jobs?account=alice&page=1"));
		this.mvc.perform(get("/jobs").param("page", "1").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//table[@id='runs']/tbody/tr").nodeCount(3))
			.andExpect(xpath("//a[@rel='next']").doesNotExist());
	}

	@Test
	void anotherAccountsRunIsNotShown() throws Exception {
		Viewers.member(this.jdbc, "bob");
		long runId = this.jdbc
			.sql("""
					insert into job_runs (job, account_id, trigger, status, started_at) values ('plays', ?, 'schedule', 'succeeded', now())
					returning id
					""")
			.param(this.alice.value())
			.query(Long.class)
			.single();

		this.mvc.perform(get("/jobs/runs/{id}", runId).with(Viewers.signedInAs("bob", "member")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/jobs/runs/{id}/live", runId).with(Viewers.signedInAs("bob", "member")))
			.andExpect(status().isForbidden());
		this.mvc.perform(
				post("/jobs/library").param("account", "alice").with(Viewers.signedInAs("bob", "member")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnknownRunAnswers404() throws Exception {
		this.mvc.perform(get("/jobs/runs/{id}", 999_999).with(Viewers.signedInAs("alice")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/jobs/runs/abc").with(Viewers.signedInAs("alice"))).andExpect(status().isBadRequest());
	}

	private long runningRun() {
		return this.jdbc.sql("select id from job_runs where job = 'library' and status = ?")
			.param(RunStatus.RUNNING.value())
			.query(Long.class)
			.single();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class GatedJobs {

		@Bean
		GatedJob gatedLibrary() {
			return new GatedJob("library");
		}

	}

}
