package dev.spotifytracker.account;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.spotifytracker.support.IntegrationTest;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strangers cost the service no memory that stays: an anonymous page view creates no
 * session, and sign-ins that are started and never finished are kept in a bounded store,
 * not in sessions that live for eight hours.
 */
@IntegrationTest
class AnonymousSessionsTest {

	private static final Logger log = LoggerFactory.getLogger(AnonymousSessionsTest.class);

	private static final int REQUESTS = 5_000;

	private static final List<String> PAGES = List.of("/", "/library", "/jobs", "/logs", "/playlists", "/settings",
			"/login", "/not-allowed", "/no-such-page", "/css/app.css");

	private static final String SIGN_IN = "/oauth2/authorization/spotify";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	@Autowired
	SignInAttempts attempts;

	@Test
	void strangersGetNoSessionForPagesAndABoundedStoreForSignIns() throws Exception {
		Manager sessions = sessionManager();
		long sessionsBefore = sessions.getSessionCounter();
		long heapBefore = usedHeapAfterGc();

		Map<Integer, AtomicInteger> pageAnswers = send(REQUESTS / 2, (i) -> PAGES.get(i % PAGES.size()));
		long sessionsAfterPages = sessions.getSessionCounter();
		long heapAfterPages = usedHeapAfterGc();
		Map<Integer, AtomicInteger> signInAnswers = send(REQUESTS / 2, (i) -> SIGN_IN);
		long sessionsAfterSignIns = sessions.getSessionCounter();
		long heapAfterSignIns = usedHeapAfterGc();

		log.info(
				"{} anonymous page views: answers {}, {} sessions, heap {} KB; {} sign-in starts: answers {}, "
						+ "{} sessions, {} attempts kept (at most {}), heap {} KB",
				REQUESTS / 2, pageAnswers, sessionsAfterPages - sessionsBefore, (heapAfterPages - heapBefore) / 1024,
				REQUESTS / 2, signInAnswers, sessionsAfterSignIns - sessionsAfterPages, this.attempts.inFlight(),
				SignInAttempts.MAX_IN_FLIGHT, (heapAfterSignIns - heapAfterPages) / 1024);
		assertThat(sessionsAfterPages - sessionsBefore).as("sessions created by page views").isZero();
		assertThat(sessionsAfterSignIns - sessionsAfterPages).as("sessions created by sign-in starts").isZero();
		assertThat(sessions.getActiveSessions()).isZero();
		assertThat(this.attempts.inFlight()).isLessThanOrEqualTo(SignInAttempts.MAX_IN_FLIGHT);
		assertThat(signInAnswers.keySet()).as("every start is sent to Spotify or told to wait").containsAnyOf(302, 503);
	}

	private Map<Integer, AtomicInteger> send(int count, java.util.function.IntFunction<String> path) throws Exception {
		Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> sent = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				URI uri = URI.create("http://127.0.0.1:" + this.port + path.apply(i));
				sent.add(pool.submit(() -> {
					int status = this.http
						.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
						.statusCode();
					answers.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
					return null;
				}));
			}
			for (Future<?> request : sent) {
				request.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return answers;
	}

	private Manager sessionManager() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager();
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

}
