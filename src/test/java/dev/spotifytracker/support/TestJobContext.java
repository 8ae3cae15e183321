package dev.spotifytracker.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.spotify.SpotifyClient;
import dev.spotifytracker.spotify.SpotifyClients;
import org.slf4j.helpers.MessageFormatter;

/**
 * A {@link JobContext} for running a job directly in a test: the account's real client,
 * with its calls, log lines and details kept for assertions.
 */
public final class TestJobContext implements JobContext {

	private final AccountId account;

	private final SpotifyClient spotify;

	private final AtomicInteger calls = new AtomicInteger();

	private final List<String> lines = new ArrayList<>();

	private final Map<String, Object> details = new LinkedHashMap<>();

	public TestJobContext(SpotifyClients clients, AccountId account) {
		this.account = account;
		this.spotify = clients.forAccount(account, (endpoint, status) -> this.calls.incrementAndGet());
	}

	@Override
	public long runId() {
		return 0;
	}

	@Override
	public AccountId account() {
		return this.account;
	}

	@Override
	public Trigger trigger() {
		return Trigger.API;
	}

	@Override
	public SpotifyClient spotify() {
		return this.spotify;
	}

	@Override
	public synchronized void info(String message, Object... arguments) {
		this.lines.add("INFO " + MessageFormatter.arrayFormat(message, arguments).getMessage());
	}

	@Override
	public synchronized void warn(String message, Object... arguments) {
		this.lines.add("WARN " + MessageFormatter.arrayFormat(message, arguments).getMessage());
	}

	@Override
	public void progress(int done, int total) {
	}

	@Override
	public synchronized void detail(String key, Object value) {
		this.details.put(key, value);
	}

	/**
	 * @return the HTTP calls the job's client made, retries included
	 */
	public int calls() {
		return this.calls.get();
	}

	/**
	 * @return each log line as {@code LEVEL message}
	 */
	public synchronized List<String> lines() {
		return List.copyOf(this.lines);
	}

	public synchronized Map<String, Object> details() {
		return Map.copyOf(this.details);
	}

}
