package dev.spotifytracker.job;

import java.util.List;

import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.support.Viewers;
import dev.spotifytracker.web.PageSlice;
import dev.spotifytracker.web.PageSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * The jobs page as its controller builds it, in a web slice: a button per job the
 * features declare, and where a start leads. Runs going on with a real runner and
 * database are {@link JobsControllerTest}'s.
 */
@PageSliceTest(JobsController.class)
class JobsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@MockitoBean
	JobLauncher launcher;

	@MockitoBean
	JobRuns runs;

	@MockitoBean
	RunAccess access;

	@MockitoBean
	JobRegistry registry;

	@BeforeEach
	void aliceWithTwoJobs() {
		PageSlice.signedIn(this.accounts, "alice", null);
		when(this.registry.listed())
			.thenReturn(List.of(new ScriptedJob("library", "library", false), new ScriptedJob("all", "all", true)));
		when(this.runs.recent(any(), anyInt(), anyInt())).thenReturn(new RunPage(List.of(), 0, 20, false));
	}

	@Test
	void thePageHasAButtonPerJobTheFeaturesDeclareWithItsDescription() throws Exception {
		this.mvc.perform(get("/jobs").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//button[starts-with(@id,'start-')]").nodeCount(2))
			.andExpect(xpath("//*[@id='about-library']").string("Stands in for library in the runner's tests."))
			.andExpect(xpath("//button[@id='start-library']/../@hx-post").string("/jobs/library?account=alice"))
			.andExpect(xpath("//form[button/@id='start-library']/input[@name='_csrf']").exists())
			.andExpect(xpath("//nav//a[@aria-current='page']").string("Jobs"));
	}

	@Test
	void withoutHtmxAStartGoesToTheRunsPage() throws Exception {
		when(this.launcher.start(any(), any(), any())).thenReturn(new Launch.Started(42));

		this.mvc.perform(post("/jobs/library").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(redirectedUrl("/jobs/runs/42"));
	}

	@Test
	void aJobThePageDoesNotOfferAnswers404AndStartsNothing() throws Exception {
		this.mvc.perform(post("/jobs/everything").with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(status().isNotFound());

		verify(this.launcher, never()).start(anyString(), any(), any());
	}

}
