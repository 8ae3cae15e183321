package dev.spotifytracker.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * DESIGN.md's counting rules as plain loops over a {@link GeneratedHistory}: what the
 * stats must answer, worked out without SQL.
 */
final class StatsOracle {

	private final GeneratedHistory history;

	private final ZoneId zone;

	private final LocalDate from;

	private final LocalDate to;

	StatsOracle(GeneratedHistory history, ZoneId zone, LocalDate from, LocalDate to) {
		this.history = history;
		this.zone = zone;
		this.from = from;
		this.to = to;
	}

	long ms(GeneratedHistory.Play play) {
		if (play.msPlayed() != null) {
			return play.msPlayed();
		}
		Integer duration = this.history.tracks.get(play.trackId()).durationMs();
		return (duration != null) ? duration : 0;
	}

	Instant start(GeneratedHistory.Play play) {
		return play.playedAt().minusMillis(ms(play));
	}

	ZonedDateTime localStart(GeneratedHistory.Play play) {
		return start(play).atZone(this.zone);
	}

	LocalDate day(GeneratedHistory.Play play) {
		return localStart(play).toLocalDate();
	}

	List<GeneratedHistory.Play> inPeriod() {
		List<GeneratedHistory.Play> plays = new ArrayList<>();
		for (GeneratedHistory.Play play : this.history.plays) {
			LocalDate day = day(play);
			if ((this.from == null || !day.isBefore(this.from)) && (this.to == null || !day.isAfter(this.to))) {
				plays.add(play);
			}
		}
		return plays;
	}

	List<TopItem> top(TopKind kind, TopOrder by, int limit) {
		Map<String, long[]> figures = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		for (GeneratedHistory.Play play : inPeriod()) {
			GeneratedHistory.Track track = this.history.tracks.get(play.trackId());
			List<String> ids = switch (kind) {
				case TRACKS -> List.of(track.id());
				case ALBUMS -> List.of(track.albumId());
				case ARTISTS -> track.artistIds();
			};
			for (String id : ids) {
				long[] figure = figures.computeIfAbsent(id, (key) -> new long[2]);
				figure[0]++;
				figure[1] += ms(play);
				names.put(id, switch (kind) {
					case TRACKS -> track.name();
					case ALBUMS -> track.albumName();
					case ARTISTS -> this.history.artistNames.get(id);
				});
			}
		}
		List<TopItem> items = new ArrayList<>();
		figures.forEach((id, figure) -> items.add(new TopItem(id, names.get(id), figure[0], figure[1])));
		Comparator<TopItem> byPlays = Comparator.comparingLong(TopItem::plays).reversed();
		Comparator<TopItem> byTime = Comparator.comparingLong(TopItem::ms).reversed();
		Comparator<TopItem> order = (by == TopOrder.PLAYS) ? byPlays.thenComparing(byTime)
				: byTime.thenComparing(byPlays);
		items.sort(order.thenComparing(TopItem::id));
		return items.subList(0, Math.min(limit, items.size()));
	}

	Summary summary(LocalDate today) {
		List<GeneratedHistory.Play> plays = inPeriod();
		long ms = 0;
		long estimated = 0;
		Set<String> tracks = new HashSet<>();
		Set<String> artists = new HashSet<>();
		Set<String> albums = new HashSet<>();
		TreeSet<LocalDate> days = new TreeSet<>();
		for (GeneratedHistory.Play play : plays) {
			ms += ms(play);
			if (play.msPlayed() == null) {
				estimated += ms(play);
			}
			GeneratedHistory.Track track = this.history.tracks.get(play.trackId());
			tracks.add(track.id());
			artists.addAll(track.artistIds());
			albums.add(track.albumId());
			days.add(day(play));
		}
		Set<String> earlierTracks = new HashSet<>();
		Set<String> earlierArtists = new HashSet<>();
		for (GeneratedHistory.Play play : this.history.plays) {
			if (this.from != null && day(play).isBefore(this.from)) {
				earlierTracks.add(play.trackId());
				earlierArtists.addAll(this.history.tracks.get(play.trackId()).artistIds());
			}
		}
		long newTracks = tracks.stream().filter((id) -> !earlierTracks.contains(id)).count();
		long newArtists = artists.stream().filter((id) -> !earlierArtists.contains(id)).count();
		if (plays.isEmpty()) {
			return new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		int longestStreak = 0;
		int run = 0;
		LocalDate previous = null;
		for (LocalDate day : days) {
			run = (previous != null && day.equals(previous.plusDays(1))) ? run + 1 : 1;
			longestStreak = Math.max(longestStreak, run);
			previous = day;
		}
		LocalDate last = (this.to == null || this.to.isAfter(today)) ? today : this.to;
		LocalDate cursor = days.contains(last) ? last : last.minusDays(1);
		int current = 0;
		while (days.contains(cursor)) {
			current++;
			cursor = cursor.minusDays(1);
		}
		return new Summary(plays.size(), ms, tracks.size(), artists.size(), albums.size(), newTracks, newArtists,
				longestStreak, current, longestSession(plays), estimated);
	}

	private long longestSession(List<GeneratedHistory.Play> plays) {
		List<GeneratedHistory.Play> ordered = new ArrayList<>(plays);
		ordered.sort(Comparator.comparing(this::start));
		long longest = 0;
		Instant sessionStart = null;
		Instant latestEnd = null;
		for (GeneratedHistory.Play play : ordered) {
			Instant start = start(play);
			if (latestEnd == null || start.isAfter(latestEnd.plusSeconds(600))) {
				sessionStart = start;
				latestEnd = play.playedAt();
			}
			else if (play.playedAt().isAfter(latestEnd)) {
				latestEnd = play.playedAt();
			}
			longest = Math.max(longest, latestEnd.toEpochMilli() - sessionStart.toEpochMilli());
		}
		return longest;
	}

	long[][] clock() {
		long[][] cells = new long[7][24];
		for (GeneratedHistory.Play play : inPeriod()) {
			ZonedDateTime local = localStart(play);
			cells[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
		}
		return cells;
	}

	List<SeriesPoint> series(SeriesStep step, LocalDate today) {
		List<GeneratedHistory.Play> plays = inPeriod();
		LocalDate first = this.from;
		if (first == null) {
			first = plays.stream().map(this::day).min(Comparator.naturalOrder()).orElse(null);
			if (first == null) {
				return List.of();
			}
		}
		LocalDate last = (this.to != null) ? this.to : today;
		List<SeriesPoint> points = new ArrayList<>();
		LocalDate cursor = switch (step) {
			case DAY -> first;
			case WEEK -> first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> first.withDayOfMonth(1);
		};
		while (!cursor.isAfter(last)) {
			LocalDate next = switch (step) {
				case DAY -> cursor.plusDays(1);
				case WEEK -> cursor.plusDays(7);
				case MONTH -> cursor.plusMonths(1);
			};
			long count = 0;
			long ms = 0;
			for (GeneratedHistory.Play play : plays) {
				LocalDate day = day(play);
				if (!day.isBefore(cursor) && day.isBefore(next)) {
					count++;
					ms += ms(play);
				}
			}
			points.add(new SeriesPoint(cursor, count, ms));
			cursor = next;
		}
		return points;
	}

}
