package dev.spotifytracker.account;

import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * The settings page as the dashboard shows it: accounts, the time zone of its dates, and
 * the job schedules from configuration (the schedules are off in tests).
 */
@IntegrationTest
@AutoConfigureMockMvc
class SettingsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void anOwner() {
		Viewers.owner(this.jdbc, "alice");
	}

	@Test
	void theJobSchedulesAreShownReadOnly() throws Exception {
		this.mvc.perform(get("/settings").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//table[@id='schedules']/tbody/tr[1]/td[2]").string("0 */10 * * * *"))
			.andExpect(xpath("//table[@id='schedules']/tbody/tr[2]/td[2]").string("0 7 7 * * *"))
			.andExpect(xpath("//*[@id='schedules-off']").exists())
			.andExpect(xpath("//*[@id='call-budget']").string("1500"))
			.andExpect(xpath("//section[h2='Job schedules']//form").doesNotExist())
			.andExpect(xpath("//nav//a[@aria-current='page']").string("Settings"));
	}

	@Test
	void aChosenTimeZoneIsUsedForTheDashboardsDates() throws Exception {
		this.mvc
			.perform(post("/settings/time-zone").param("timeZone", "Asia/Tokyo")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(redirectedUrl("/settings"));

		this.mvc.perform(get("/settings").with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//footer//span/span").string("Asia/Tokyo"));
	}

	@Test
	void withoutAChosenTimeZoneTheBrowsersIsUsed() throws Exception {
		this.mvc
			.perform(get("/settings").cookie(new jakarta.servlet.http.Cookie("tz", "America%2FNew_York"))
				.with(Viewers.signedInAs("alice")))
			.andExpect(xpath("//footer//span/span").string("America/New_York"));
	}

	@Test
	void aTimeZoneCookieThatDoesNotDecodeIsIgnored() throws Exception {
		this.mvc
			.perform(get("/settings").cookie(new jakarta.servlet.http.Cookie("tz", "%zz"))
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk());
	}

}
