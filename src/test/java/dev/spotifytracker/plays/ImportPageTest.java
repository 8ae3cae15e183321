package dev.spotifytracker.plays;

import java.time.Instant;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * The Import page: the steps to get the export (with Spotify's link), the upload form,
 * the past imports with their summaries and unresolved rows, and what an upload from the
 * page answers.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ImportPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportRepository imports;

	AccountId alice;

	@BeforeEach
	void anAccount() {
		this.alice = Viewers.create(this.jdbc, "alice", "owner", "UTC");
	}

	@Test
	void thePageTellsHowToRequestTheExportAndOffersTheUpload() throws Exception {
		this.mvc.perform(get("/import").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//nav//a[@aria-current='page']").string("Import"))
			.andExpect(xpath("//a[@id='privacy-link']/@href").string("https://www.spotify.com/account/privacy/"))
			.andExpect(xpath("//ol[@id='request-steps']/li").nodeCount(5))
			.andExpect(xpath("//form[@id='import-form']//input[@type='file' and @name='file']").exists())
			.andExpect(xpath("//form[@id='import-form']//input[@name='_csrf']").exists())
			.andExpect(xpath("//p[@id='no-imports']").exists());
	}

	@Test
	void pastImportsShowTheirSummariesAndTheRowsStillUnresolved() throws Exception {
		// given
		long importId = this.imports.create(this.alice, "my_spotify_data.zip", null);
		this.jdbc.sql("""
				insert into import_rows (import_id, account_id, member, row_index, format, ts, ms_played, track_name,
				                         artist_name, outcome)
				values (:id, :account, 'StreamingHistory_music_0.json', 0, 'account_data', :ts, 200000, 'Lost Song',
				        'Nobody', 'unresolved')
				""")
			.param("id", importId)
			.param("account", this.alice.value())
			.param("ts", java.sql.Timestamp.from(Instant.parse("2024-01-01T10:00:00Z")))
			.update();
		this.imports.addCounts(importId, new ImportCounts(1, 0, 0, 0, 0, 0, 0, 1, 0));
		this.imports.finish(importId, true, "my_spotify_data.zip: 1 rows read: 0 plays added.", null, Instant.now());

		// when / then
		this.mvc.perform(get("/import").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//li[@id='past-import-%d']//p[@class='import-summary']".formatted(importId))
				.string("my_spotify_data.zip: 1 rows read: 0 plays added."))
			.andExpect(xpath("//li[@id='past-import-%d']//ul[@class='unresolved']/li".formatted(importId))
				.string("Nobody - Lost Song"));
	}

	@Test
	void anUploadFromThePageSwapsInTheImportsProgress() throws Exception {
		// given
		MockMultipartFile file = new MockMultipartFile("file", "endsong_0.json", "application/json",
				ExportFiles.rows().plays(3, Instant.parse("2025-03-01T12:00:00Z"), "River").bytes());

		// when / then
		this.mvc
			.perform(multipart("/import").file(file)
				.header("HX-Request", "true")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(xpath("//section[contains(@class,'live-import')]//progress[@id='import-progress']").exists())
			.andExpect(xpath("//section[contains(@class,'live-import')]/h2/span[1]").string("endsong_0.json"));
		org.awaitility.Awaitility.await()
			.until(() -> this.jdbc.sql("select status from imports").query(String.class).single(),
					(state) -> state.equals("succeeded"));
	}

	@Test
	void aFileThatIsNoExportIsRefusedOnThePageWithItsSentence() throws Exception {
		// given
		MockMultipartFile file = new MockMultipartFile("file", "notes.txt", "text/plain", "hello".getBytes());

		// when / then: htmx gets the notice to swap in, a plain form post the page with
		// it
		this.mvc
			.perform(multipart("/import").file(file)
				.header("HX-Request", "true")
				.with(Viewers.signedInAs("alice"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(xpath("//p[@id='import-refused']").string(containsString("neither a zip nor a JSON file")));
		this.mvc.perform(multipart("/import").file(file).with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//p[@id='import-refused']").string(containsString("neither a zip nor a JSON file")));
	}

	@Test
	void aPlainFormUploadGoesBackToThePage() throws Exception {
		// given
		MockMultipartFile file = new MockMultipartFile("file", "endsong_0.json", "application/json",
				ExportFiles.rows().plays(2, Instant.parse("2025-03-01T12:00:00Z"), "River").bytes());

		// when / then
		this.mvc.perform(multipart("/import").file(file).with(Viewers.signedInAs("alice")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/import?account=alice"));
		org.awaitility.Awaitility.await()
			.until(() -> this.jdbc.sql("select status from imports").query(String.class).single(),
					(state) -> state.equals("succeeded"));
	}

}
