package dev.spotifytracker.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The year recap ({@code /stats/year/{year}}), the account's own "Wrapped": totals, top 5
 * tracks, artists and albums, the top new artist, the biggest day, the longest streak and
 * session, the clock and the month-by-month chart; printable, and its summary card as a
 * PNG ({@code /stats/year/{year}/card.png}) to share.
 */
@Controller
class YearRecapController {

	private final StatsService stats;

	private final AccountChoice choice;

	YearRecapController(StatsService stats, AccountChoice choice) {
		this.stats = stats;
		this.choice = choice;
	}

	@GetMapping("/stats/year/{year}")
	String recap(Authentication caller, @RequestParam(required = false) String account, @PathVariable String year,
			Model model) {
		Account chosen = this.choice.choose(caller, account, model);
		Recap recap = recap(chosen, year);
		model.addAttribute("recap", recap);
		model.addAttribute("figures", new StatsPageController.SummaryFigures(recap.summary()));
		model.addAttribute("topTracks", StatsPageController.ranked(recap.topTracks(), recap.summary()));
		model.addAttribute("topArtists", StatsPageController.ranked(recap.topArtists(), recap.summary()));
		model.addAttribute("topAlbums", StatsPageController.ranked(recap.topAlbums(), recap.summary()));
		model.addAttribute("clock", StatsPageController.ClockView.of(recap.clock()));
		model.addAttribute("seriesLabels",
				recap.months()
					.stream()
					.map((p) -> p.start().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH))
					.collect(Collectors.joining(",")));
		model.addAttribute("seriesPlays",
				recap.months().stream().map((p) -> Long.toString(p.plays())).collect(Collectors.joining(",")));
		model.addAttribute("seriesMinutes",
				recap.months().stream().map((p) -> Long.toString(p.ms() / 60_000)).collect(Collectors.joining(",")));
		return "report/year";
	}

	@GetMapping(path = "/stats/year/{year}/card.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> card(Authentication caller, @RequestParam(required = false) String account,
			@PathVariable String year) {
		Account chosen = this.choice.choose(caller, account);
		Recap recap = recap(chosen, year);
		try {
			return ResponseEntity.ok()
				.contentType(MediaType.IMAGE_PNG)
				.cacheControl(CacheControl.noStore())
				.body(SummaryCard.draw(chosen.name(), recap));
		}
		catch (IOException | Error ex) {
			// a server without fonts cannot draw text: say so rather than fail
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"The summary card cannot be drawn on this server (no fonts?); print the page instead.");
		}
	}

	Recap recap(Account account, String yearText) {
		if (!yearText.matches("(19|2[0-9])[0-9]{2}")) {
			throw new StatsParameterException(
					"Unknown year " + TopKind.quoted(yearText) + ": use a year such as 2025.");
		}
		int year = Integer.parseInt(yearText);
		ZoneId zone = StatsAccounts.zoneOf(account);
		StatsPeriod period = new StatsPeriod(account.id(), zone, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		Summary summary = this.stats.summary(period);
		List<SeriesPoint> days = this.stats.series(period, SeriesStep.DAY);
		SeriesPoint biggestDay = days.stream()
			.filter((day) -> day.plays() > 0)
			.max(Comparator.comparingLong(SeriesPoint::plays).thenComparing(SeriesPoint::ms))
			.orElse(null);
		List<TopItem> artists = this.stats.top(period, TopKind.ARTISTS, TopOrder.PLAYS, Integer.MAX_VALUE);
		Set<String> before = new HashSet<>();
		this.stats
			.top(new StatsPeriod(account.id(), zone, null, LocalDate.of(year - 1, 12, 31)), TopKind.ARTISTS,
					TopOrder.PLAYS, Integer.MAX_VALUE)
			.forEach((artist) -> before.add(artist.id()));
		TopItem topNewArtist = artists.stream()
			.filter((artist) -> !before.contains(artist.id()))
			.findFirst()
			.orElse(null);
		return new Recap(year, zone.getId(), summary, this.stats.top(period, TopKind.TRACKS, TopOrder.PLAYS, 5),
				artists.subList(0, Math.min(5, artists.size())),
				this.stats.top(period, TopKind.ALBUMS, TopOrder.PLAYS, 5), topNewArtist, biggestDay,
				this.stats.clock(period), this.stats.series(period, SeriesStep.MONTH));
	}

	/**
	 * A year's figures.
	 *
	 * @param topNewArtist the most played artist first played this year, or null
	 * @param biggestDay the day with the most plays, or null
	 */
	public record Recap(int year, String zone, Summary summary, List<TopItem> topTracks, List<TopItem> topArtists,
			List<TopItem> topAlbums, TopItem topNewArtist, SeriesPoint biggestDay, long[][] clock,
			List<SeriesPoint> months) {

	}

	/**
	 * The recap's summary card, drawn with Java2D: no browser, no script.
	 */
	static final class SummaryCard {

		private static final Color BACKGROUND = new Color(0x19, 0x14, 0x14);

		private static final Color ACCENT = new Color(0x1d, 0xb9, 0x54);

		private SummaryCard() {
		}

		static byte[] draw(String name, Recap recap) throws IOException {
			BufferedImage image = new BufferedImage(1200, 630, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = image.createGraphics();
			try {
				g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
				g.setColor(BACKGROUND);
				g.fillRect(0, 0, 1200, 630);
				g.setColor(ACCENT);
				g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
				g.drawString(recap.year() + " in music", 60, 110);
				g.setColor(Color.WHITE);
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
				g.drawString(name, 60, 160);
				Summary summary = recap.summary();
				String[][] lines = { { "Plays", String.format(Locale.ENGLISH, "%,d", summary.plays()) },
						{ "Listening time", Durations.format(summary.ms()) },
						{ "Top artist", recap.topArtists().isEmpty() ? "–" : recap.topArtists().get(0).name() },
						{ "Top track", recap.topTracks().isEmpty() ? "–" : recap.topTracks().get(0).name() },
						{ "Longest streak", summary.longestStreakDays() + " days" },
						{ "New artists", Long.toString(summary.newArtists()) } };
				int y = 250;
				for (String[] line : lines) {
					g.setColor(new Color(0xb3, 0xb3, 0xb3));
					g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
					g.drawString(line[0], 60, y);
					g.setColor(Color.WHITE);
					g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
					g.drawString(shorten(line[1]), 360, y);
					y += 60;
				}
			}
			finally {
				g.dispose();
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return png.toByteArray();
		}

		private static String shorten(String text) {
			return (text.length() > 40) ? text.substring(0, 39) + "…" : text;
		}

	}

}
