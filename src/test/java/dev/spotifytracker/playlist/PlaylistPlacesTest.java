package dev.spotifytracker.playlist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.spotifytracker.playlist.PlaylistPlace.Standing;
import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.spotifytracker.playlist.SmartPlaylistRule.MOST_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.NEVER_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.OLDEST_PLAYED;
import static dev.spotifytracker.playlist.SmartPlaylistRule.PLAYED_ONCE;
import static dev.spotifytracker.playlist.TestLibrary.aLibrary;
import static dev.spotifytracker.playlist.TestLibrary.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A track's place in each smart playlist, read from what was last pushed, for every state
 * a playlist can be in; no Spotify call (no credentials exist here).
 */
@IntegrationTest
class PlaylistPlacesTest {

	@Autowired
	PlaylistPlaces places;

	@Autowired
	PlaylistMappingRepository mappings;

	@Autowired
	PlaylistService service;

	@Autowired
	RulePlaylists rulePlaylists;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private TestLibrary alice;

	private Instant now;

	@BeforeEach
	void library() {
		this.now = this.clock.instant();
		this.alice = aLibrary(this.jdbc, "alice").album("A", "a1", "a2", "a3", "a4");
	}

	@Test
	void aTrackInPushedPlaylistsHasItsPositionAndTheOthersSayWhyNot() {
		// given: Most Played holds a2, a1, a3; Never Played holds a4 only; Played Once
		// was
		// removed on Spotify; Oldest Played is turned off; the rest were never published
		pushed(MOST_PLAYED, id("a2"), id("a1"), id("a3"));
		pushed(NEVER_PLAYED, id("a4"));
		pushed(PLAYED_ONCE, id("a1"));
		this.mappings.markRemoved(this.alice.account(), PLAYED_ONCE.slug());
		this.service.updateSettings(this.alice.account(), OLDEST_PLAYED, false, 1000, null);

		// when
		List<PlaylistPlace> places = this.places.of(this.alice.account(), id("a1"));

		// then: the six built-ins in their order
		assertThat(places).extracting(PlaylistPlace::slug)
			.containsExactly("never-played", "played-once", "oldest-played", "most-played", "liked-last-30-days",
					"new-never-played");
		assertThat(places).extracting(PlaylistPlace::standing)
			.containsExactly(Standing.NOT_IN, Standing.IN, Standing.TURNED_OFF, Standing.IN, Standing.NOT_PUBLISHED,
					Standing.NOT_PUBLISHED);
		PlaylistPlace mostPlayed = places.get(3);
		assertThat(mostPlayed.position()).isEqualTo(2);
		assertThat(mostPlayed.trackCount()).isEqualTo(3);
		assertThat(mostPlayed.spotifyUrl()).isEqualTo("https://open.spotify.com/playlist/most-played-id");
		assertThat(mostPlayed.published()).isTrue();
		// the removed playlist still held it when last pushed, but is no longer ours
		assertThat(places.get(1).position()).isEqualTo(1);
		assertThat(places.get(1).published()).isFalse();
		assertThat(places.get(0).trackCount()).isEqualTo(1);
	}

	@Test
	void aLinkedPlaylistNotPushedYetIsUnknownAndAnotherAccountsPushesDoNotCount() {
		this.mappings.saveLinked(this.alice.account(), MOST_PLAYED.slug(), "Most Played", "users-own", "s1", this.now);
		TestLibrary bob = this.alice.anotherAccount("bob");
		this.mappings.saveCreated(bob.account(), NEVER_PLAYED.slug(), "Never Played", "bobs-id", "s1", this.now);
		this.mappings.savePushed(bob.account(), NEVER_PLAYED.slug(), List.of(id("a1")), "s2", this.now);

		List<PlaylistPlace> places = this.places.of(this.alice.account(), id("a1"));

		assertThat(places.get(3).standing()).isEqualTo(Standing.UNKNOWN);
		assertThat(places.get(0).standing()).isEqualTo(Standing.NOT_PUBLISHED);
		assertThat(this.places.of(bob.account(), id("a1")).get(0).position()).isEqualTo(1);
	}

	@Test
	void theAccountsRulePlaylistsFollowTheBuiltInsByName() {
		this.rulePlaylists.create(this.alice.account(), """
				{"name": "Zebra", "conditions": [{"field": "plays", "op": "gte", "value": 2}]}""");
		this.rulePlaylists.create(this.alice.account(), """
				{"name": "apples", "conditions": [{"field": "plays", "op": "gte", "value": 1}]}""");

		List<PlaylistPlace> places = this.places.of(this.alice.account(), id("a1"));

		assertThat(places).hasSize(8);
		assertThat(places.subList(6, 8)).extracting(PlaylistPlace::name).containsExactly("apples", "Zebra");
		assertThat(places.subList(6, 8)).allSatisfy((place) -> {
			assertThat(place.builtIn()).isFalse();
			assertThat(place.standing()).isEqualTo(Standing.NOT_PUBLISHED);
			assertThat(place.anchor()).isEqualTo("rule-" + place.slug());
		});
	}

	private void pushed(SmartPlaylistRule rule, String... tracks) {
		this.mappings.saveCreated(this.alice.account(), rule.slug(), rule.displayName(), rule.slug() + "-id", "s1",
				this.now);
		this.mappings.savePushed(this.alice.account(), rule.slug(), List.of(tracks), "s2", this.now);
	}

}
