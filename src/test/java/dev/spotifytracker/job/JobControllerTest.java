package dev.spotifytracker.job;

import dev.spotifytracker.app.AccountId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The job API of DESIGN.md. Callers are authenticated as the security configuration does
 * it: the API token as authority {@code ROLE_API}, a member by its Spotify user id.
 */
class JobControllerTest extends JobTestSupport {

	private static final Authentication API_CALLER = new TestingAuthenticationToken("api", null, "ROLE_API");

	@Autowired
	private MockMvc mvc;

	@Test
	void startingAJobAnswers202WithTheRunId() throws Exception {
		AccountId alice = account("alice");

		MvcResult result = this.mvc.perform(as(API_CALLER, post("/api/jobs/test").param("account", "alice")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.runId").isNumber())
			.andExpect(jsonPath("$.runIds").doesNotExist())
			.andReturn();

		long runId = runIdOf(result);
		JobRun run = awaitEnd(runId);
		assertThat(run.account()).isEqualTo(alice);
		assertThat(run.trigger()).isEqualTo(Trigger.API);
		assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
	}

	@Test
	void anExternalSchedulerStartsAJobWithTheBearerTokenAndNoCsrfToken() throws Exception {
		account("alice");

		this.mvc.perform(post("/api/jobs/test").header("Authorization", "Bearer " + API_TOKEN))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.runId").isNumber());
	}

	@Test
	void withoutAnAccountTheApiTokenStartsTheJobForEveryAccount() throws Exception {
		account("alice", "owner");
		account("bob");

		this.mvc.perform(as(API_CALLER, post("/api/jobs/test")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.runId").isNumber())
			.andExpect(jsonPath("$.runIds", hasSize(2)));

		await2Runs();
	}

	@Test
	void withoutAnAccountAMemberStartsTheJobForItself() throws Exception {
		account("alice", "owner");
		AccountId bob = account("bob");

		MvcResult result = this.mvc.perform(as(member("bob"), post("/api/jobs/test")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.runIds").doesNotExist())
			.andReturn();

		assertThat(awaitEnd(runIdOf(result)).account()).isEqualTo(bob);
		assertThat(runCount()).isOne();
	}

	@Test
	void aJobAlreadyRunningAnswers409WithTheRunningRun() throws Exception {
		AccountId alice = account("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			gate.pass();
			return new JobResult(0, null);
		});
		long runId = started(this.launcher.start("test", alice, Trigger.DASHBOARD));
		gate.awaitEntered();

		this.mvc.perform(as(API_CALLER, post("/api/jobs/test").param("account", "alice")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value("already running"))
			.andExpect(jsonPath("$.runId").value(runId));

		assertThat(runCount()).isOne();
	}

	@Test
	void anUnknownJobAnswers404() throws Exception {
		account("alice");

		this.mvc.perform(as(API_CALLER, post("/api/jobs/dance").param("account", "alice")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No job named dance"));
		assertThat(runCount()).isZero();
	}

	@Test
	void anUnknownAccountAnswers400() throws Exception {
		account("alice");

		this.mvc.perform(as(API_CALLER, post("/api/jobs/test").param("account", "carol")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No account carol"));
	}

	@Test
	void anotherMembersAccountAnswers403() throws Exception {
		account("alice");
		account("bob");

		this.mvc.perform(as(member("bob"), post("/api/jobs/test").param("account", "alice")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(runCount()).isZero();
	}

	@Test
	void theOwnerMayStartAnotherMembersJob() throws Exception {
		account("alice", "owner");
		account("bob");

		this.mvc.perform(as(member("alice"), post("/api/jobs/test").param("account", "bob")))
			.andExpect(status().isAccepted());
	}

	@Test
	void aRunIsReadWithTheFieldsOfTheContract() throws Exception {
		AccountId alice = signedIn("alice");
		job("test").does((context) -> {
			context.spotify().currentUser();
			return new JobResult(5, "5 plays added");
		});
		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.API));

		this.mvc.perform(as(API_CALLER, get("/api/jobs/runs/{id}", run.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.runId").value(run.id()))
			.andExpect(jsonPath("$.job").value("test"))
			.andExpect(jsonPath("$.account").value("alice"))
			.andExpect(jsonPath("$.status").value("succeeded"))
			.andExpect(jsonPath("$.startedAt").value(run.startedAt().toString()))
			.andExpect(jsonPath("$.finishedAt").value(run.finishedAt().toString()))
			.andExpect(jsonPath("$.apiCalls").value(simulator().requests().apiTotal()))
			.andExpect(jsonPath("$.items").value(5))
			.andExpect(jsonPath("$.message").value("5 plays added"));
	}

	@Test
	void aRunningRunShowsEveryFieldOfTheContract() throws Exception {
		AccountId alice = account("alice");
		Gate gate = gate();
		job("test").does((context) -> {
			gate.pass();
			return new JobResult(0, null);
		});
		long runId = started(this.launcher.start("test", alice, Trigger.API));
		gate.awaitEntered();

		this.mvc.perform(as(API_CALLER, get("/api/jobs/runs/{id}", runId)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("running"))
			.andExpect(jsonPath("$.finishedAt").value((Object) null))
			.andExpect(jsonPath("$.message").value((Object) null));
	}

	@Test
	void anotherMembersRunAnswers403AndAMissingRun404() throws Exception {
		AccountId alice = account("alice");
		account("bob");
		JobRun run = finished(this.launcher.runNow("test", alice, Trigger.API));

		this.mvc.perform(as(member("bob"), get("/api/jobs/runs/{id}", run.id()))).andExpect(status().isForbidden());
		this.mvc.perform(as(member("alice"), get("/api/jobs/runs/{id}", run.id()))).andExpect(status().isOk());
		this.mvc.perform(as(API_CALLER, get("/api/jobs/runs/{id}", run.id() + 1000))).andExpect(status().isNotFound());
	}

	private void await2Runs() {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> this.jobRuns.recent(new RunQuery(null, "test", RunStatus.SUCCEEDED), 0, 10)
				.runs()
				.size() == 2);
	}

	private static Authentication member(String spotifyUserId) {
		return new TestingAuthenticationToken(spotifyUserId, null, "ROLE_MEMBER");
	}

	private static MockHttpServletRequestBuilder as(Authentication caller, MockHttpServletRequestBuilder request) {
		return request.with(authentication(caller)).with(csrf());
	}

	private static long runIdOf(MvcResult result) throws Exception {
		String body = result.getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll(".*\"runId\":(\\d+).*", "$1"));
	}

}
