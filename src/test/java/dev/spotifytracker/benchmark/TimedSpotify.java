package dev.spotifytracker.benchmark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.spotify.SpotifyClient;

/**
 * A job context whose Spotify client adds the time each operation takes (the HTTP round
 * trip, the simulator's answer and the JSON reading) to a counter, so a benchmark can
 * tell the Spotify side of a pass from the database side.
 */
record TimedSpotify(JobContext delegate, AtomicLong nanos) implements JobContext {

	@Override
	public long runId() {
		return this.delegate.runId();
	}

	@Override
	public AccountId account() {
		return this.delegate.account();
	}

	@Override
	public Trigger trigger() {
		return this.delegate.trigger();
	}

	@Override
	public SpotifyClient spotify() {
		SpotifyClient client = this.delegate.spotify();
		return (SpotifyClient) Proxy.newProxyInstance(SpotifyClient.class.getClassLoader(),
				new Class<?>[] { SpotifyClient.class }, (proxy, method, arguments) -> {
					long start = System.nanoTime();
					try {
						return method.invoke(client, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					finally {
						this.nanos.addAndGet(System.nanoTime() - start);
					}
				});
	}

	@Override
	public void info(String message, Object... arguments) {
		this.delegate.info(message, arguments);
	}

	@Override
	public void warn(String message, Object... arguments) {
		this.delegate.warn(message, arguments);
	}

	@Override
	public void progress(int done, int total) {
		this.delegate.progress(done, total);
	}

	@Override
	public void detail(String key, Object value) {
		this.delegate.detail(key, value);
	}

}
