package dev.spotifytracker.app;

import java.nio.file.Path;

/**
 * A service stand-in for {@link EmbeddedPostgresServerTest}: starts the embedded server
 * in its own JVM, says so, and waits to be killed.
 */
public final class EmbeddedPostgresChild {

	private EmbeddedPostgresChild() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
		System.out.println("READY " + server.port());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
