package dev.spotifytracker.playlist;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.playlist.PlaylistRule.Condition;
import dev.spotifytracker.playlist.PlaylistRule.Field;
import dev.spotifytracker.playlist.PlaylistRule.Group;
import dev.spotifytracker.playlist.PlaylistRule.Match;
import dev.spotifytracker.playlist.PlaylistRule.Moment;
import dev.spotifytracker.playlist.PlaylistRule.SortField;
import dev.spotifytracker.playlist.PlaylistRule.SortKey;
import dev.spotifytracker.playlist.PlaylistRule.Test;

/**
 * Turns a validated rule into one SQL query over the read models (RULES.md). Every value
 * the user wrote is a bind parameter; the SQL text holds only what this class writes
 * (column names, operators, parameter names), so no rule can change what the query does
 * beyond selecting tracks.
 *
 * <p>
 * The query answers one row per playlist track, in order, each with {@code matched} (the
 * candidates passing the conditions before the limit); a result of no tracks still
 * answers one row with a null track so {@code matched} is known.
 */
final class RuleCompiler {

	/**
	 * Unicode case folding whatever the database's locale: PostgreSQL 17's built-in
	 * {@code pg_c_utf8} collation maps case by Unicode for every character, unlike
	 * {@code "C"} (ASCII only) and unlike libc locales, which differ between machines.
	 */
	static String fold(String expression) {
		return "lower((" + expression + ") collate pg_c_utf8)";
	}

	private final AccountId account;

	private final Instant now;

	private final ZoneId zone;

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** The {@code playsInLast} windows the rule uses, in days. */
	private final SortedSet<Integer> windows = new TreeSet<>();

	/** Whether the rule reads a track's play count or first or last play. */
	private boolean counts;

	/**
	 * The alias whose row holds a track's play count and first and last play: the
	 * candidate itself when the rule's source is the played tracks, which come from those
	 * counts already.
	 */
	private String counted = "s";

	private boolean listened;

	private boolean skips;

	/** Whether the rule sorts by a track's first credited artist. */
	private boolean firstArtist;

	private final String playlist;

	private RuleCompiler(AccountId account, String playlist, Instant now, ZoneId zone) {
		this.account = account;
		this.playlist = playlist;
		this.now = now;
		this.zone = zone;
	}

	/**
	 * @param now the instant day windows end at
	 * @param zone the account's zone, for bare dates
	 */
	static CompiledRule compile(PlaylistRule rule, AccountId account, Instant now, ZoneId zone) {
		return compile(rule, account, ExclusionSql.NO_PLAYLIST, now, zone);
	}

	/**
	 * @param playlist the rule playlist's slug, whose own exclusions apply besides the
	 * account's global ones; {@link ExclusionSql#NO_PLAYLIST} for a rule not yet stored
	 */
	static CompiledRule compile(PlaylistRule rule, AccountId account, String playlist, Instant now, ZoneId zone) {
		return new RuleCompiler(account, playlist, now, zone).sql(rule);
	}

	private CompiledRule sql(PlaylistRule rule) {
		this.params.put("account", this.account.value());
		this.params.put("exclusionPlaylist", this.playlist);
		if (rule.source() == PlaylistRule.Source.PLAYED) {
			this.counted = "c";
		}
		String where = group(rule.where());
		List<String> keyColumns = new ArrayList<>();
		// the first-artist keys, looked up only for the tracks the keys before them can
		// still place in the playlist (see "keyed" below)
		List<String> artistColumns = new ArrayList<>();
		List<String> order = new ArrayList<>();
		int artistFrom = -1;
		for (int i = 0; i < rule.sort().size(); i++) {
			SortKey key = rule.sort().get(i);
			boolean artist = key.field() == SortField.ARTIST;
			if (artist && artistFrom < 0) {
				artistFrom = order.size();
			}
			sortKey(key, "k" + i, artist ? artistColumns : keyColumns, order);
		}
		order.add("track_id collate \"C\"");
		String exclusions = exclusions(rule.exclude());

		StringBuilder sql = new StringBuilder("with candidates as (\n").append(candidates(rule.source())).append("\n)");
		for (int days : this.windows) {
			this.params.put("since" + days, at(this.now.minus(Duration.ofDays(days))));
			sql.append("""
					, recent%1$d as (
					    select track_id, count(*) as plays from counted_plays
					    where account_id = :account and played_at >= :since%1$d group by track_id
					)""".formatted(days));
		}
		if (this.listened) {
			// the per-track rollup when the account has one (its time is the same sum:
			// the play's time, else the track's length); summing every play otherwise.
			// The second half's gate sits above its join ("offset 0" keeps it there):
			// under it, a parallel plan launched its workers only to find the gate shut
			sql.append("""
					, listened as (
					    select f.track_id, f.ms from play_track_figures f
					    where f.account_id = :account
					      and exists (select 1 from play_rollup_zones z where z.account_id = :account)
					    union all
					    select p.track_id, sum(coalesce(p.ms_played, lt.duration_ms)) as ms
					    from (select where not exists (select 1 from play_rollup_zones z where z.account_id = :account)
					          offset 0) unbuilt
					    cross join counted_plays p join catalog_tracks lt on lt.track_id = p.track_id
					    where p.account_id = :account
					    group by p.track_id
					)""");
		}
		sql.append("\n, matched as (\n    select c.track_id, t.duration_ms");
		for (String column : keyColumns) {
			sql.append(",\n        ").append(column);
		}
		sql.append("""

				    from candidates c
				    join catalog_tracks t on t.track_id = c.track_id
				""");
		// PostgreSQL cannot drop this join when nothing reads it (the account is no join
		// column), and it counts plays: only a rule that reads them pays for it
		if (this.counts && "s".equals(this.counted)) {
			sql.append("    left join track_play_counts s on s.account_id = :account and s.track_id = c.track_id\n");
		}
		for (int days : this.windows) {
			sql.append("    left join recent%1$d r%1$d on r%1$d.track_id = c.track_id\n".formatted(days));
		}
		if (this.listened) {
			sql.append("    left join listened lm on lm.track_id = c.track_id\n");
		}
		if (this.skips) {
			sql.append("    left join track_skip_counts sk on sk.account_id = :account and sk.track_id = c.track_id\n");
		}
		sql.append("    where true\n").append(ExclusionSql.notExcluded("c.track_id"));
		sql.append(exclusions);
		sql.append("      and ").append(where).append("\n)");
		String sorted = "matched";
		if (this.firstArtist) {
			// a track ranked past :tracks by the keys before the artist cannot reach the
			// playlist whatever its artist: only the others look their first artist up
			// (once each: the key reads the name twice, folded and by code point)
			List<String> before = order.subList(0, artistFrom);
			sql.append("""
					, keyed as (
					    select r.*, %s
					    from (select m.*, rank() over (%s) as prefix_rank from matched m) r
					    left join lateral (select fa.artist_name from catalog_track_artists fa
					                       where fa.track_id = r.track_id order by fa.position limit 1) fa on true
					    where r.prefix_rank <= :tracks
					)""".formatted(String.join(", ", artistColumns),
					before.isEmpty() ? "" : "order by " + String.join(", ", before)));
			sorted = "keyed";
		}
		// a playlist never holds more than :tracks, whatever the minutes: only the first
		// :tracks matches in order are numbered, a bounded sort instead of sorting them
		// all
		sql.append(
				"""
						, ordered as (
						    select track_id, row_number() over w as position,
						           sum(coalesce(duration_ms, 0)) over (w rows between unbounded preceding and current row) as running_ms
						    from (select * from %3$s order by %1$s limit :tracks) top
						    window w as (order by %1$s)
						)
						select m.matched, o.track_id
						from (select count(*) as matched from matched) m
						left join ordered o on o.position <= :tracks%2$s
						order by o.position
						"""
					.formatted(String.join(", ", order),
							(rule.limit().minutes() != null) ? " and o.running_ms <= :maxMs" : "", sorted));
		this.params.put("tracks", rule.limit().tracks());
		if (rule.limit().minutes() != null) {
			this.params.put("maxMs", rule.limit().minutes() * 60_000L);
		}
		return new CompiledRule(sql.toString(), this.params);
	}

	private static String candidates(PlaylistRule.Source source) {
		return switch (source) {
			case LIBRARY, LIKED, ALBUMS -> """
					select lib.track_id, lib.liked_at, lib.saved_at, lib.added_at
					from library_tracks lib
					where lib.account_id = :account and lib.is_playable is not false%s""".formatted(switch (source) {
				case LIKED -> " and lib.liked_at is not null";
				case ALBUMS -> " and lib.saved_at is not null";
				default -> "";
			});
			// a played track outside the library has no availability: unknown counts as
			// playable
			case PLAYED -> """
					select pc.track_id, lib.liked_at, lib.saved_at, lib.added_at, pc.plays, pc.first_played_at,
					       pc.last_played_at
					from track_play_counts pc
					left join library_tracks lib on lib.account_id = pc.account_id and lib.track_id = pc.track_id
					where pc.account_id = :account and lib.is_playable is not false""";
		};
	}

	private String exclusions(PlaylistRule.Exclusions exclude) {
		// ids are validated as 22 letters and digits: joined with commas they split back
		// exactly, and the list stays one bind parameter however long it is
		StringBuilder sql = new StringBuilder();
		if (!exclude.tracks().isEmpty()) {
			sql.append("      and c.track_id <> all(string_to_array(:excludedTracks, ','))\n");
			this.params.put("excludedTracks", String.join(",", exclude.tracks()));
		}
		if (!exclude.albums().isEmpty()) {
			sql.append("      and t.album_id <> all(string_to_array(:excludedAlbums, ','))\n");
			this.params.put("excludedAlbums", String.join(",", exclude.albums()));
		}
		if (!exclude.artists().isEmpty()) {
			sql.append("""
					      and not exists (select 1 from catalog_track_artists xa where xa.track_id = c.track_id
					                      and xa.artist_id = any(string_to_array(:excludedArtists, ',')))
					""");
			this.params.put("excludedArtists", String.join(",", exclude.artists()));
		}
		return sql.toString();
	}

	private String group(Group group) {
		if (group.conditions().isEmpty()) {
			return "true";
		}
		List<String> parts = new ArrayList<>();
		for (Condition condition : group.conditions()) {
			parts.add((condition instanceof Group inner) ? group(inner) : test((Test) condition));
		}
		return "(" + String.join((group.match() == Match.ALL) ? " and " : " or ", parts) + ")";
	}

	/** A test as a predicate that is true or false, never null. */
	private String test(Test test) {
		Field field = test.field();
		if ((field == Field.LAST_PLAYED || field == Field.FIRST_PLAYED) && "s".equals(this.counted)
				&& (test.op() == PlaylistRule.Op.IS_NULL || test.op() == PlaylistRule.Op.NOT_NULL)) {
			return everPlayed(test.op() == PlaylistRule.Op.NOT_NULL);
		}
		return switch (field.type) {
			case NUMBER, BOOLEAN -> compare(expression(field, test.days()), test, "%s");
			case INSTANT -> instant(expression(field, null), test);
			case TEXT -> text(expression(field, null), test);
			case ARTIST -> anyArtist(test);
			case ALBUM -> album(test);
		};
	}

	/**
	 * Whether the candidate has a counted play: a track has a first and last play exactly
	 * when it has a row in {@code track_play_counts}. Asked as "is null" of the
	 * left-joined counts, the planner guessed that a few hundred of 50,000 library tracks
	 * were never played and looked each one's catalog row up by index; as an anti-join it
	 * knows.
	 */
	private static String everPlayed(boolean played) {
		return "(" + (played ? "" : "not ")
				+ """
						exists (select 1 from track_play_counts ep where ep.account_id = :account and ep.track_id = c.track_id))""";
	}

	/** Plain comparisons; {@code valueFormat} wraps each bound value. */
	private String compare(String expression, Test test, String valueFormat) {
		List<String> values = test.values().stream().map((v) -> valueFormat.formatted(bind(v))).toList();
		return switch (test.op()) {
			case EQ -> positive(expression + " = " + values.get(0));
			case NE -> negative(expression + " = " + values.get(0));
			case LT -> positive(expression + " < " + values.get(0));
			case LTE -> positive(expression + " <= " + values.get(0));
			case GT -> positive(expression + " > " + values.get(0));
			case GTE -> positive(expression + " >= " + values.get(0));
			case BETWEEN -> positive(expression + " between " + values.get(0) + " and " + values.get(1));
			case IN -> positive(expression + " in (" + String.join(", ", values) + ")");
			case NOT_IN -> negative(expression + " in (" + String.join(", ", values) + ")");
			case IS_NULL -> "(" + expression + " is null)";
			case NOT_NULL -> "(" + expression + " is not null)";
			case IN_LAST -> positive(expression + " >= " + bind(since(test.days())));
			case NOT_IN_LAST -> negative(expression + " >= " + bind(since(test.days())));
			case CONTAINS, STARTS_WITH -> throw new IllegalArgumentException("not for this type: " + test);
		};
	}

	private String instant(String expression, Test test) {
		return switch (test.op()) {
			case IN_LAST, NOT_IN_LAST, IS_NULL, NOT_NULL -> compare(expression, test, "%s");
			// at millisecond precision, as the values are
			default -> compare("date_trunc('milliseconds', " + expression + ")", test, "%s");
		};
	}

	private String text(String expression, Test test) {
		return positiveOrNot(test, textMatch(expression, test));
	}

	/** Whether the folded text matches the test's value(s), before negation. */
	private String textMatch(String expression, Test test) {
		String folded = fold(expression);
		return switch (test.op()) {
			case EQ, NE -> folded + " = " + fold("cast(" + bind(test.values().get(0)) + " as text)");
			case IN, NOT_IN ->
				folded + " in ("
						+ String.join(", ",
								test.values().stream().map((v) -> fold("cast(" + bind(v) + " as text)")).toList())
						+ ")";
			case CONTAINS -> folded + " like " + fold("cast(" + bind("%" + escape(text(test)) + "%") + " as text)");
			case STARTS_WITH -> folded + " like " + fold("cast(" + bind(escape(text(test)) + "%") + " as text)");
			default -> throw new IllegalArgumentException("not for text: " + test);
		};
	}

	private String anyArtist(Test test) {
		String byName = textMatch("a.artist_name", test);
		String match = switch (test.op()) {
			case EQ, NE, IN, NOT_IN -> "(" + byName + " or a.artist_id in ("
					+ String.join(", ", test.values().stream().map(this::bind).toList()) + "))";
			default -> byName;
		};
		return positiveOrNot(test,
				"exists (select 1 from catalog_track_artists a where a.track_id = c.track_id and " + match + ")");
	}

	private String album(Test test) {
		String byName = textMatch("t.album_name", test);
		String match = switch (test.op()) {
			case EQ, NE, IN, NOT_IN -> "(" + byName + " or t.album_id in ("
					+ String.join(", ", test.values().stream().map(this::bind).toList()) + "))";
			default -> byName;
		};
		return positiveOrNot(test, match);
	}

	private static String positiveOrNot(Test test, String match) {
		return switch (test.op()) {
			case NE, NOT_IN -> negative(match);
			default -> positive(match);
		};
	}

	private static String positive(String predicate) {
		return "coalesce(" + predicate + ", false)";
	}

	private static String negative(String predicate) {
		return "not coalesce(" + predicate + ", false)";
	}

	/** A field's value for the candidate {@code c}. */
	private String expression(Field field, Integer days) {
		return switch (field) {
			case PLAYS -> {
				this.counts = true;
				yield "coalesce(" + this.counted + ".plays, 0)";
			}
			case PLAYS_IN_LAST -> {
				this.windows.add(days);
				yield "coalesce(r" + days + ".plays, 0)";
			}
			case LISTENED_MS -> {
				this.listened = true;
				yield "coalesce(lm.ms, 0)";
			}
			case SKIPS -> {
				this.skips = true;
				yield "coalesce(sk.skips, 0)";
			}
			case LAST_PLAYED -> {
				this.counts = true;
				yield this.counted + ".last_played_at";
			}
			case FIRST_PLAYED -> {
				this.counts = true;
				yield this.counted + ".first_played_at";
			}
			case LIKED_AT -> "c.liked_at";
			case ADDED_AT -> "c.added_at";
			// "1995", "1995-05" or "1995-05-01"; "0000" or nothing is no year
			case RELEASE_YEAR ->
				"(case when t.release_date ~ '^[0-9]{4}' and left(t.release_date, 4) <> '0000' then left(t.release_date, 4)::int end)";
			case DURATION_MS -> "t.duration_ms";
			case EXPLICIT -> "t.explicit";
			case LIKED -> "(c.liked_at is not null)";
			case IN_SAVED_ALBUM -> "(c.saved_at is not null)";
			case TRACK_NAME -> "t.track_name";
			case ALBUM_NAME, ALBUM -> "t.album_name";
			case ARTIST -> {
				this.firstArtist = true;
				yield "fa.artist_name";
			}
		};
	}

	private void sortKey(SortKey key, String column, List<String> columns, List<String> order) {
		String dir = key.descending() ? " desc nulls last" : " asc nulls last";
		switch (key.field()) {
			case ALBUM_ORDER -> {
				columns.add("t.album_id collate \"C\" as " + column + "a");
				columns.add("t.disc_number as " + column + "b");
				columns.add("t.track_number as " + column + "c");
				order.add(column + "a" + dir);
				order.add(column + "b" + dir);
				order.add(column + "c" + dir);
			}
			case RANDOM -> {
				columns.add(
						"md5(" + bind(Long.toString(key.seed())) + " || ':' || c.track_id) collate \"C\" as " + column);
				order.add(column + dir);
			}
			default -> {
				Field field = Field.valueOf(key.field().name());
				String expression = expression(field, key.days());
				if (field.type == PlaylistRule.Type.TEXT || field.type == PlaylistRule.Type.ARTIST
						|| field.type == PlaylistRule.Type.ALBUM) {
					// case-insensitively, then by code point
					columns.add(fold(expression) + " as " + column + "a");
					columns.add("(" + expression + ") collate \"C\" as " + column + "b");
					order.add(column + "a" + dir);
					order.add(column + "b" + dir);
				}
				else {
					columns.add(expression + " as " + column);
					order.add(column + dir);
				}
			}
		}
	}

	private Instant since(int days) {
		return this.now.minus(Duration.ofDays(days));
	}

	private static String text(Test test) {
		return (String) test.values().get(0);
	}

	/** LIKE's wildcards and its escape character, taken literally. */
	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private String bind(Object value) {
		String name = "p" + this.params.size();
		Object bound = value;
		if (value instanceof Moment moment) {
			bound = at(moment.in(this.zone));
		}
		else if (value instanceof Instant instant) {
			bound = at(instant);
		}
		this.params.put(name, bound);
		return ":" + name;
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * @param sql the query, with named parameters only
	 * @param params every parameter's value
	 */
	record CompiledRule(String sql, Map<String, Object> params) {

		CompiledRule {
			params = Map.copyOf(params);
		}

	}

}
