package dev.spotifytracker.report;

import dev.spotifytracker.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * One application context for the report tests: the whole service on the test PostgreSQL
 * with MockMvc and an API token.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "tracker.security.api-token=" + ReportTestSupport.API_TOKEN)
abstract class ReportTestSupport {

	static final String API_TOKEN = "test-report-api-token-of-32-characters-or-more";

	@Autowired
	protected JdbcClient jdbc;

}
