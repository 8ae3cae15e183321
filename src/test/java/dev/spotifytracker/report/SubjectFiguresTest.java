package dev.spotifytracker.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.plays.PlayRollups;
import dev.spotifytracker.support.Viewers;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of the artist, album and track pages agree with the top lists: for every
 * track, album and artist of a generated history and several periods, its plays and time
 * are its row of the top list of its kind (by {@link StatsOracle}, zero when it is not in
 * it), its top tracks are the oracle's top tracks among its own, and its series adds up
 * to its plays; from the plays and from the rollups.
 */
class SubjectFiguresTest extends ReportTestSupport {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	StatsService stats;

	@Autowired
	PlayRollups rollups;

	@Autowired
	RollupStatsQueries rollupQueries;

	@Autowired
	TransactionTemplate transactions;

	private GeneratedHistory history;

	private AccountId account;

	@BeforeEach
	void history() {
		this.account = Viewers.create(this.jdbc, "alice", "owner", BERLIN.getId());
		this.history = GeneratedHistory.generate(21);
		this.history.writeTo(this.jdbc, this.account);
	}

	@ParameterizedTest(name = "{0} from the {1}")
	@CsvSource({ "UTC, plays", "Europe/Berlin, plays", "Europe/Berlin, rollups" })
	void aSubjectsFiguresAreItsRowOfTheTopListAndItsTopTracksTheOraclesAmongItsOwn(String zone, String path) {
		// given
		if (path.equals("rollups")) {
			this.transactions.executeWithoutResult((status) -> this.rollups.rebuild(this.account));
		}
		assertThat(this.rollupQueries.builtIn(new StatsPeriod(this.account, ZoneId.of(zone), null, null)))
			.isEqualTo(path.equals("rollups"));
		SoftAssertions softly = new SoftAssertions();
		for (LocalDate[] dates : List.of(new LocalDate[] { null, null },
				new LocalDate[] { LocalDate.parse("2026-03-25"), LocalDate.parse("2026-04-02") },
				new LocalDate[] { LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31") })) {
			StatsOracle oracle = new StatsOracle(this.history, ZoneId.of(zone), dates[0], dates[1]);
			StatsPeriod period = new StatsPeriod(this.account, ZoneId.of(zone), dates[0], dates[1]);
			List<TopItem> allTracks = oracle.top(TopKind.TRACKS, TopOrder.PLAYS, 100);
			for (TopKind kind : TopKind.values()) {
				List<TopItem> rows = oracle.top(kind, TopOrder.PLAYS, 100);
				for (String id : ids(kind)) {
					StatsSubject subject = new StatsSubject(kind, id);
					// when
					StatsSource.Figures figures = this.stats.figures(period, subject);
					List<SeriesPoint> series = this.stats.series(period, SeriesStep.MONTH, subject);
					// then
					Optional<TopItem> row = rows.stream().filter((item) -> item.id().equals(id)).findFirst();
					String as = kind + " " + id + ", " + dates[0] + " to " + dates[1] + " in " + zone;
					softly.assertThat(figures)
						.as(as)
						.isEqualTo(new StatsSource.Figures(row.map(TopItem::plays).orElse(0L),
								row.map(TopItem::ms).orElse(0L)));
					softly.assertThat(series.stream().mapToLong(SeriesPoint::plays).sum())
						.as("series of " + as)
						.isEqualTo(figures.plays());
					softly.assertThat(this.stats.top(period, TopKind.TRACKS, TopOrder.PLAYS, 100, subject))
						.as("top tracks of " + as)
						.containsExactlyElementsOf(
								allTracks.stream().filter((item) -> tracksOf(kind, id).contains(item.id())).toList());
				}
			}
			softly.assertThat(this.stats.figures(period, null))
				.as("all plays, %s to %s", dates[0], dates[1])
				.isEqualTo(new StatsSource.Figures(oracle.inPeriod().size(),
						oracle.inPeriod().stream().mapToLong(oracle::ms).sum()));
		}
		softly.assertAll();
	}

	private Set<String> ids(TopKind kind) {
		return switch (kind) {
			case TRACKS -> this.history.tracks.keySet();
			case ARTISTS -> this.history.artistNames.keySet();
			case ALBUMS -> new java.util.TreeSet<>(
					this.history.tracks.values().stream().map(GeneratedHistory.Track::albumId).toList());
		};
	}

	private Set<String> tracksOf(TopKind kind, String id) {
		return new java.util.HashSet<>(this.history.tracks.values().stream().filter((track) -> switch (kind) {
			case TRACKS -> track.id().equals(id);
			case ALBUMS -> track.albumId().equals(id);
			case ARTISTS -> track.artistIds().contains(id);
		}).map(GeneratedHistory.Track::id).toList());
	}

}
