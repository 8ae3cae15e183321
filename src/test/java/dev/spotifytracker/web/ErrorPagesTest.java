package dev.spotifytracker.web;

import dev.spotifytracker.support.IntegrationTest;
import dev.spotifytracker.support.Viewers;
import jakarta.servlet.RequestDispatcher;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

/**
 * Error answers: pages get the error page in the shared layout with a sentence and no
 * stack trace; the API gets problem details.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ErrorPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void signIn() {
		Viewers.owner(this.jdbc, "alice");
	}

	@Test
	void anUnknownPageAnswers404InTheLayout() throws Exception {
		this.mvc.perform(get("/no-such-page").accept(MediaType.TEXT_HTML).with(Viewers.signedInAs("alice")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(xpath("//h1").string("Page not found"))
			.andExpect(xpath("//nav[@aria-label='Main']/a[text()='Jobs']").exists())
			.andExpect(xpath("//a[@class='skip-link']/@href").string("#main"));
	}

	@Test
	void aQueryParameterOfTheWrongTypeAnswers400NamingIt() throws Exception {
		this.mvc.perform(get("/test/probe").param("page", "abc").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(xpath("//*[@id='error-message']").string("'abc' is not a valid value for 'page'."))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void aMissingQueryParameterAnswers400NamingIt() throws Exception {
		this.mvc.perform(get("/test/probe").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']").string("The parameter 'page' is missing."));
	}

	@Test
	void anInvalidQueryParameterAnswers400WithTheRule() throws Exception {
		this.mvc.perform(get("/test/probe").param("page", "-1").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(xpath("//*[@id='error-message']").string(containsString("'page' must be greater than")));
	}

	@Test
	void theApiAnswersProblemDetailsForTheSameMistake() throws Exception {
		this.mvc.perform(get("/api/test/probe").param("page", "abc").with(Viewers.signedInAs("alice")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400));
	}

	@Test
	void aServerErrorShowsThePageWithoutTheException() throws Exception {
		// what the servlet container does with an exception no handler answered
		this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere")
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret internals"))
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isInternalServerError())
			.andExpect(xpath("//h1").string("Something went wrong"))
			.andExpect(xpath("//nav[@aria-label='Main']").exists())
			.andExpect(content().string(not(containsString("secret internals"))))
			.andExpect(content().string(not(containsString("IllegalStateException"))));
	}

	@Test
	void aForbiddenRequestShowsTheNotAllowedPage() throws Exception {
		this.mvc
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
				.with(Viewers.signedInAs("alice")))
			.andExpect(status().isForbidden())
			.andExpect(xpath("//h1").string("Not allowed"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probes {

		@Bean
		ProbePage probePage() {
			return new ProbePage();
		}

		@Bean
		ProbeApi probeApi() {
			return new ProbeApi();
		}

	}

	@Controller
	static class ProbePage {

		@GetMapping("/test/probe")
		@ResponseBody
		String probe(@RequestParam @Min(0) int page) {
			return "page " + page;
		}

	}

	@RestController
	static class ProbeApi {

		@GetMapping("/api/test/probe")
		String probe(@RequestParam int page) {
			return "page " + page;
		}

	}

}
