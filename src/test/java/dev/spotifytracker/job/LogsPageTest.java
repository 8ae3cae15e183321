package dev.spotifytracker.job;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.spotifytracker.account.AccountService;
import dev.spotifytracker.support.Viewers;
import dev.spotifytracker.web.PageSlice;
import dev.spotifytracker.web.PageSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * How the logs page reads its filters, in a web slice: what it asks the runs for, and the
 * one-sentence 400 for a filter it cannot read. What the lines look like with a real
 * database is {@link LogsControllerTest}'s.
 */
@PageSliceTest(LogsController.class)
class LogsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@MockitoBean
	JobLauncher launcher;

	@MockitoBean
	JobRuns runs;

	@BeforeEach
	void aliceInBerlin() {
		PageSlice.signedIn(this.accounts, "alice", "Europe/Berlin");
		when(this.launcher.jobNames()).thenReturn(Set.of("library", "plays"));
		when(this.runs.logs(any(), any(), anyInt())).thenReturn(new LogPage(List.of(), null));
	}

	@Test
	void theTimeRangeIsReadInTheViewersTimeZone() throws Exception {
		// Europe/Berlin is UTC+1 in March: 09:30 to 10:30 there is 08:30 to 09:30 UTC
		this.mvc
			.perform(get("/logs").param("from", "2026-03-01T09:30")
				.param("to", "2026-03-01T10:30")
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk());

		LogQuery asked = askedFor();
		assertThat(asked.from()).isEqualTo(Instant.parse("2026-03-01T08:30:00Z"));
		assertThat(asked.to()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
	}

	@Test
	void aLevelAsksForThatLevelAndAboveWhateverItsCase() throws Exception {
		this.mvc.perform(get("/logs").param("level", "warn").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//select[@name='level']/option[@selected]/@value").string("WARN"));

		assertThat(askedFor().levels()).isEqualTo(EnumSet.of(LogLevel.WARN, LogLevel.ERROR));
	}

	@Test
	void aFilterThatCannotBeReadAnswers400WithOneSentenceAndReadsNothing() throws Exception {
		this.mvc.perform(get("/logs").param("level", "LOUD").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']").string("'LOUD' is not a valid value for 'level'."));
		this.mvc.perform(get("/logs").param("from", "yesterday").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']").string("'yesterday' is not a valid value for 'from'."));
		this.mvc.perform(get("/logs").param("job", "nope").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/logs").param("from", "2026-03-02T00:00")
				.param("to", "2026-03-01T00:00")
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']").string("'from' must be before 'to'."));
		this.mvc
			.perform(get("/logs").param("beforeAt", "soon").param("beforeId", "1").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/logs").param("beforeId", "1").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest());

		verify(this.runs, never()).logs(any(), any(), anyInt());
	}

	private LogQuery askedFor() {
		ArgumentCaptor<LogQuery> query = ArgumentCaptor.forClass(LogQuery.class);
		verify(this.runs).logs(query.capture(), any(), anyInt());
		return query.getValue();
	}

}
