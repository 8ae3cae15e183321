package dev.spotifytracker.spotify.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library generator: the same seed gives the same library, ids included, and a
 * library has the cases a client must handle (long albums, likes outside saved albums,
 * unplayable and unknown tracks, plays over the years). Also fast and light enough for a
 * benchmark-sized library.
 */
class SpotifySimulatorGeneratorTest {

	private static final LibrarySpec SPEC = LibrarySpec.seed(2026).albums(40).likedTracks(300).plays(800);

	@Test
	void theSameSeedGivesTheSameLibrary() {
		try (SpotifySimulator first = SpotifySimulator.start(); SpotifySimulator second = SpotifySimulator.start()) {
			SimulatedUser one = first.addUser("alice", "Alice").generateLibrary(SPEC);
			SimulatedUser two = second.addUser("alice", "Alice").generateLibrary(SPEC);

			assertThat(describe(two)).isEqualTo(describe(one));
			assertThat(two.availability(one.likedTracks().get(0).track().id()))
				.isEqualTo(one.availability(one.likedTracks().get(0).track().id()));
		}
	}

	@Test
	void anotherSeedGivesAnotherLibrary() {
		try (SpotifySimulator sim = SpotifySimulator.start()) {
			SimulatedUser alice = sim.addUser("alice", "Alice").generateLibrary(SPEC);
			SimulatedUser bob = sim.addUser("bob", "Bob").generateLibrary(LibrarySpec.seed(2027).albums(40));

			Set<String> aliceAlbums = albumIds(alice);
			assertThat(albumIds(bob)).doesNotContainAnyElementsOf(aliceAlbums);
		}
	}

	@Test
	void aLibraryHoldsEveryCaseAClientMustHandle() {
		try (SpotifySimulator sim = SpotifySimulator.start()) {
			SimulatedUser alice = sim.addUser("alice", "Alice").generateLibrary(SPEC);

			List<SimAlbum> albums = alice.savedAlbums().stream().map(SimSavedAlbum::album).toList();
			Set<SimTrack> savedTracks = albums.stream()
				.flatMap((album) -> album.tracks().stream())
				.collect(Collectors.toSet());
			List<SimTrack> liked = alice.likedTracks().stream().map(SimLikedTrack::track).toList();
			List<SimTrack> libraryTracks = new ArrayList<>(savedTracks);
			liked.stream().filter((track) -> !savedTracks.contains(track)).forEach(libraryTracks::add);

			assertThat(albums).hasSize(40).anySatisfy((album) -> assertThat(album.totalTracks()).isEqualTo(120));
			assertThat(albums).anySatisfy((album) -> assertThat(album.totalTracks()).isBetween(51, 100));
			assertThat(albums).anySatisfy((album) -> assertThat(album.totalTracks()).isLessThanOrEqualTo(4));
			assertThat(albums).allSatisfy((album) -> assertThat(album.id()).matches("[0-9A-Za-z]{22}"));
			assertThat(liked).hasSize(300).doesNotHaveDuplicates();
			assertThat(liked).anySatisfy((track) -> assertThat(savedTracks).contains(track));
			assertThat(liked).anySatisfy((track) -> {
				assertThat(savedTracks).doesNotContain(track);
				assertThat(sim.catalog().findAlbum(track.album().id())).isPresent();
			});
			assertThat(libraryTracks)
				.anySatisfy((track) -> assertThat(alice.availability(track.id()).playable()).isFalse())
				.anySatisfy((track) -> assertThat(alice.availability(track.id()).playable()).isNull())
				.anySatisfy((track) -> assertThat(alice.availability(track.id()).playable()).isTrue());
			assertThat(alice.savedAlbums()).isSortedAccordingTo((a, b) -> b.addedAt().compareTo(a.addedAt()));
			List<SimPlay> plays = alice.plays();
			assertThat(plays).hasSize(800);
			assertThat(plays.get(0).playedAt()).isBeforeOrEqualTo(SPEC.endingAt());
			assertThat(plays.get(plays.size() - 1).playedAt())
				.isBefore(SPEC.endingAt().minus(Duration.ofDays(2 * 365)));
			Set<SimTrack> played = plays.stream().map(SimPlay::track).collect(Collectors.toSet());
			assertThat(libraryTracks).anySatisfy((track) -> assertThat(played).doesNotContain(track));
		}
	}

	@Test
	void unavailableTracksAreServedAsSuch() {
		try (SpotifySimulator sim = SpotifySimulator.start()) {
			SimulatedUser alice = sim.addUser("alice", "Alice").generateLibrary(SPEC.likedOutsideSavedAlbums(1.0));
			SimHttp http = new SimHttp(sim);
			String token = sim.issueAccessToken("alice");

			Map<Boolean, Long> served = new HashMap<>();
			String next = "/v1/me/tracks?limit=50&market=from_token";
			while (next != null) {
				JsonNode page = http.get(next, token).json();
				for (JsonNode item : page.get("items")) {
					JsonNode track = item.get("track");
					Boolean playable = track.has("is_playable") ? track.get("is_playable").booleanValue() : null;
					assertThat(playable).isEqualTo(alice.availability(track.get("id").stringValue()).playable());
					if (Boolean.FALSE.equals(playable)) {
						assertThat(track.at("/restrictions/reason").stringValue()).isIn("market", "product",
								"explicit");
					}
					served.merge(playable, 1L, Long::sum);
				}
				next = page.get("next").isNull() ? null : page.get("next").stringValue();
			}

			assertThat(served.keySet()).contains(true, false, null);
		}
	}

	@Test
	void aBenchmarkSizedLibraryIsQuickToMakeAndServe() {
		try (SpotifySimulator sim = SpotifySimulator.start()) {
			SimulatedUser alice = sim.addUser("alice", "Alice");
			long started = System.nanoTime();
			alice.generateLibrary(LibrarySpec.seed(1).albums(2_000).likedTracks(50_000).plays(20_000));
			Duration generated = Duration.ofNanos(System.nanoTime() - started);

			SimHttp http = new SimHttp(sim);
			String token = sim.issueAccessToken("alice");
			started = System.nanoTime();
			int liked = 0;
			String next = "/v1/me/tracks?limit=50&market=from_token";
			while (next != null) {
				JsonNode page = http.get(next, token).json();
				liked += page.get("items").size();
				next = page.get("next").isNull() ? null : page.get("next").stringValue();
			}
			Duration served = Duration.ofNanos(System.nanoTime() - started);
			Runtime runtime = Runtime.getRuntime();
			System.out.printf(
					"Generated 2,000 albums (%,d tracks in the catalog) and 50,000 liked tracks in %d ms;"
							+ " served all %d liked tracks in 1,000 pages in %d ms; heap in use %d MB%n",
					sim.catalog().trackCount(), generated.toMillis(), liked, served.toMillis(),
					(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));

			assertThat(liked).isEqualTo(50_000);
			assertThat(sim.requests().count("GET /v1/me/tracks")).isEqualTo(1_000);
			sim.assertNoViolations();
		}
	}

	private static Set<String> albumIds(SimulatedUser user) {
		return user.savedAlbums().stream().map((saved) -> saved.album().id()).collect(Collectors.toSet());
	}

	private static List<String> describe(SimulatedUser user) {
		List<String> lines = new ArrayList<>();
		user.savedAlbums()
			.forEach((saved) -> lines.add(saved.addedAt() + " album " + saved.album().id() + " " + saved.album().name()
					+ " " + saved.album().tracks().stream().map(SimTrack::id).toList()));
		user.likedTracks()
			.forEach((liked) -> lines.add(liked.addedAt() + " liked " + liked.track().id() + " " + liked.track().isrc()
					+ " " + user.availability(liked.track().id())));
		user.plays()
			.forEach((play) -> lines.add(play.playedAt() + " played " + play.track().id() + " " + play.contextUri()));
		return lines;
	}

}
