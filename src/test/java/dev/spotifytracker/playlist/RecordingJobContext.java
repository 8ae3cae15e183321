package dev.spotifytracker.playlist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.spotify.SpotifyClient;
import org.slf4j.helpers.MessageFormatter;

/**
 * A job context that keeps what the job reported, standing in for the job runner.
 */
class RecordingJobContext implements JobContext {

	final AccountId account;

	final SpotifyClient spotify;

	final List<String> lines = new ArrayList<>();

	final Map<String, Object> details = new LinkedHashMap<>();

	final List<int[]> progress = new ArrayList<>();

	RecordingJobContext(AccountId account, SpotifyClient spotify) {
		this.account = account;
		this.spotify = spotify;
	}

	@Override
	public long runId() {
		return 1;
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
	public void info(String message, Object... arguments) {
		this.lines.add("INFO " + MessageFormatter.arrayFormat(message, arguments).getMessage());
	}

	@Override
	public void warn(String message, Object... arguments) {
		this.lines.add("WARN " + MessageFormatter.arrayFormat(message, arguments).getMessage());
	}

	@Override
	public void progress(int done, int total) {
		this.progress.add(new int[] { done, total });
	}

	@Override
	public void detail(String key, Object value) {
		this.details.put(key, value);
	}

}
