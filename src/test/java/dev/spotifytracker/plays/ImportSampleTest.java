package dev.spotifytracker.plays;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * The sample export the Import page offers (the demo's generated one): linked while it is
 * on disk, downloaded as an attachment, and 404 once it is gone.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "tracker.imports.sample-file=" + ImportSampleTest.SAMPLE)
class ImportSampleTest {

	static final String SAMPLE = "target/import-sample-test/my_spotify_data.zip";

	private static final byte[] BYTES = { 'P', 'K', 3, 4, 1, 2, 3 };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void anAccountAndTheSample() throws Exception {
		Viewers.create(this.jdbc, "alice", "owner", "UTC");
		Files.createDirectories(Path.of(SAMPLE).getParent());
		Files.write(Path.of(SAMPLE), BYTES);
	}

	@Test
	void thePageLinksTheSampleAndItDownloadsAsAnAttachment() throws Exception {
		this.mvc.perform(get("/import").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//section[@id='sample']//a[@id='sample-link']/@href").string("/import/sample"))
			.andExpect(xpath("//a[@id='sample-link']").string("my_spotify_data.zip"));
		this.mvc.perform(get("/import/sample").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("my_spotify_data.zip")))
			.andExpect(content().bytes(BYTES));
	}

	@Test
	void withoutTheFileThePageOffersNothingAndTheDownloadIsNotFound() throws Exception {
		// given
		Files.delete(Path.of(SAMPLE));

		// when / then
		this.mvc.perform(get("/import").with(Viewers.signedInAs("alice")))
			.andExpect(status().isOk())
			.andExpect(xpath("//section[@id='sample']").doesNotExist());
		this.mvc.perform(get("/import/sample").with(Viewers.signedInAs("alice"))).andExpect(status().isNotFound());
	}

}
