package dev.spotifytracker.playlist;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.spotifytracker.playlist.PlaylistQueries.RuleSelection;
import dev.spotifytracker.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.spotifytracker.playlist.TestLibrary.aLibrary;
import static dev.spotifytracker.playlist.TestLibrary.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six built-ins written in the rule grammar select exactly what their fixed queries
 * (issue 6) select, on a generated library full of ties: equal add and play instants,
 * equal play counts, unplayable, unknown and excluded tracks.
 */
@IntegrationTest
class BuiltInRulesTest {

	static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaylistQueries builtIns;

	@Autowired
	RuleQueries rules;

	@Test
	void everyBuiltInAsARuleSelectsTheSameTracksInTheSameOrderAsItsQuery() {
		TestLibrary library = generated(new Random(20261120));

		for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
			for (RuleSettings settings : List.of(rule.defaults(),
					new RuleSettings(rule, true, 7, rule.hasWindow() ? 10 : null, false))) {
				RuleSelection expected = this.builtIns.select(library.account(), settings, NOW);

				RuleSelection actual = this.rules.select(library.account(), BuiltInRules.rule(settings), NOW,
						ZoneOffset.UTC);

				assertThat(actual.trackIds()).as("%s with limit %d", rule, settings.limit())
					.isEqualTo(expected.trackIds());
				assertThat(actual.matching()).as("%s matched", rule).isEqualTo(expected.matching());
			}
		}
	}

	@Test
	void theGeneratedLibraryGivesEveryBuiltInSomethingToSelect() {
		TestLibrary library = generated(new Random(20261120));

		for (SmartPlaylistRule rule : SmartPlaylistRule.values()) {
			assertThat(this.builtIns.select(library.account(), rule.defaults(), NOW).trackIds()).as(rule.name())
				.hasSizeGreaterThan(7);
		}
	}

	@Test
	void aBuiltInsTemplateCarriesTheAccountsLimitAndWindow() {
		PlaylistRule rule = BuiltInRules
			.rule(new RuleSettings(SmartPlaylistRule.LIKED_LAST_30_DAYS, true, 25, 90, false));

		assertThat(rule.name()).isEqualTo("Liked in the Last 30 Days");
		assertThat(rule.source()).isEqualTo(PlaylistRule.Source.LIKED);
		assertThat(rule.limit()).isEqualTo(PlaylistRule.Limit.ofTracks(25));
		assertThat(rule.where().conditions()).singleElement()
			.isEqualTo(new PlaylistRule.Test(PlaylistRule.Field.LIKED_AT, PlaylistRule.Op.IN_LAST, List.of(), 90));
	}

	private TestLibrary generated(Random random) {
		TestLibrary library = aLibrary(this.jdbc, "alice");
		// few distinct instants, so ties are common
		List<Instant> instants = new ArrayList<>();
		for (int day = 0; day < 60; day += 3) {
			instants.add(NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(1)));
		}
		int track = 0;
		for (int album = 1; album <= 30; album++) {
			String albumName = "A" + album;
			int tracks = 1 + random.nextInt(12);
			for (int i = 0; i < tracks; i++) {
				track++;
				library.track(albumName, "t" + track, 1 + random.nextInt(2), 1 + random.nextInt(5));
				if (random.nextInt(3) == 0) {
					library.liked("t" + track, instants.get(random.nextInt(instants.size())));
				}
				int plays = random.nextInt(5);
				List<Instant> at = new ArrayList<>(instants);
				java.util.Collections.shuffle(at, random);
				library.played("t" + track, at.subList(0, plays).toArray(Instant[]::new));
				switch (random.nextInt(12)) {
					case 0 -> library.availability("t" + track, false);
					case 1 -> library.availability("t" + track, null);
					case 2 -> this.jdbc.sql("insert into excluded_tracks (account_id, track_id) values (?, ?)")
						.params(library.account().value(), id("t" + track))
						.update();
					default -> {
					}
				}
			}
			if (random.nextInt(5) < 3) {
				library.savedAlbum(albumName, instants.get(random.nextInt(instants.size())));
			}
		}
		return library;
	}

}
