package dev.spotifytracker.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.spotifytracker.spotify.fake.LibrarySpec;
import dev.spotifytracker.spotify.fake.SimulatedUser;
import dev.spotifytracker.spotify.fake.SpotifySimulator;

/**
 * The demo's Spotify: the simulator with one listener of realistic size, signed in there
 * (so the sign-in page lets you in at once), and the settings that point the service at
 * it.
 */
public final class DemoSpotify {

	public static final String USER = "demo";

	/**
	 * A library of realistic size, ending today so the "last 30 days" playlists have
	 * something to show. Delete {@code ./data-demo} to start over.
	 */
	static final LibrarySpec LIBRARY = LibrarySpec.seed(2026)
		.albums(300)
		.likedTracks(3_000)
		.plays(20_000)
		.playYears(2)
		.playlists(3)
		.endingAt(Instant.now().truncatedTo(ChronoUnit.DAYS));

	private static volatile DemoSpotify running;

	private final SpotifySimulator simulator;

	private final SimulatedUser listener;

	private DemoSpotify(SpotifySimulator simulator, SimulatedUser listener) {
		this.simulator = simulator;
		this.listener = listener;
	}

	public static DemoSpotify start() {
		SpotifySimulator simulator = SpotifySimulator.start();
		SimulatedUser listener = simulator.addUser(USER, "Demo Listener").generateLibrary(LIBRARY);
		simulator.signInAs(USER);
		running = new DemoSpotify(simulator, listener);
		return running;
	}

	static DemoSpotify running() {
		if (running == null) {
			throw new IllegalStateException("Start the demo with TestSpotifyTrackerApplication");
		}
		return running;
	}

	SpotifySimulator simulator() {
		return this.simulator;
	}

	SimulatedUser listener() {
		return this.listener;
	}

	/**
	 * The command line arguments plus the demo's settings (which win: the demo never
	 * reaches the real Spotify or another database).
	 */
	public String[] settings(String[] args) {
		String port = System.getenv().getOrDefault("PORT", "8080");
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--tracker.spotify.api-base-url=" + this.simulator.baseUrl());
		all.add("--tracker.spotify.accounts-base-url=" + this.simulator.baseUrl());
		all.add("--tracker.spotify.client-id=" + this.simulator.clientId());
		all.add("--tracker.spotify.client-secret=" + this.simulator.clientSecret());
		all.add("--tracker.spotify.redirect-uri=http://127.0.0.1:" + port + "/callback");
		// the account exists from the start, so its play history can be loaded at once
		all.add("--tracker.spotify.refresh-token=" + this.simulator.issueRefreshToken(USER));
		all.add("--tracker.database.data-dir=./data-demo");
		// the generated export the demo imports at its first start, offered on the Import
		// page
		all.add("--tracker.imports.sample-file=./data-demo/" + DemoExport.FILE_NAME);
		all.add("--tracker.imports.upload-dir=./data-demo/imports");
		// not the test settings that test-run also finds on its classpath
		all.add("--tracker.jobs.schedules-enabled=true");
		all.add("--tracker.security.app-secret=");
		all.add("--tracker.database.url=");
		all.add("--tracker.database.host=");
		all.add("--tracker.database.port=");
		all.add("--tracker.database.name=");
		all.add("--tracker.database.user=");
		all.add("--tracker.database.password=");
		return all.toArray(String[]::new);
	}

}
