package dev.spotifytracker.playlist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A rule playlist as RULES.md defines it, after {@link RuleParser} has validated it:
 * every value here has the type its field needs, every limit is in range.
 *
 * @param name the Spotify playlist's name (1-100 code points)
 * @param source which tracks are candidates
 * @param where the rule's own conditions (a group at depth 0)
 * @param sort the sort keys, in order (empty: by track id)
 * @param limit how much of the sorted list the playlist holds
 * @param exclude ids kept out of this playlist
 */
record PlaylistRule(String name, Source source, Group where, List<SortKey> sort, Limit limit, Exclusions exclude) {

	/** The most tracks a playlist may hold. */
	static final int MAX_TRACKS = 10_000;

	/** Tracks of a rule without a limit. */
	static final int DEFAULT_TRACKS = 1_000;

	PlaylistRule {
		sort = List.copyOf(sort);
	}

	enum Source {

		LIBRARY("library"), LIKED("liked"), ALBUMS("albums"), PLAYED("played");

		final String json;

		Source(String json) {
			this.json = json;
		}

	}

	enum Match {

		ALL("all"), ANY("any");

		final String json;

		Match(String json) {
			this.json = json;
		}

	}

	enum Type {

		NUMBER, INSTANT, BOOLEAN, TEXT, ARTIST, ALBUM

	}

	enum Field {

		PLAYS("plays", Type.NUMBER), PLAYS_IN_LAST("playsInLast", Type.NUMBER), LISTENED_MS("listenedMs", Type.NUMBER),
		SKIPS("skips", Type.NUMBER), LAST_PLAYED("lastPlayed", Type.INSTANT), FIRST_PLAYED("firstPlayed", Type.INSTANT),
		LIKED_AT("likedAt", Type.INSTANT), ADDED_AT("addedAt", Type.INSTANT), RELEASE_YEAR("releaseYear", Type.NUMBER),
		DURATION_MS("durationMs", Type.NUMBER), EXPLICIT("explicit", Type.BOOLEAN), LIKED("liked", Type.BOOLEAN),
		IN_SAVED_ALBUM("inSavedAlbum", Type.BOOLEAN), TRACK_NAME("trackName", Type.TEXT),
		ALBUM_NAME("albumName", Type.TEXT), ARTIST("artist", Type.ARTIST), ALBUM("album", Type.ALBUM);

		final String json;

		final Type type;

		Field(String json, Type type) {
			this.json = json;
			this.type = type;
		}

		/**
		 * Whether the field may be null for a candidate ({@code isNull},
		 * {@code notNull}).
		 */
		boolean nullable() {
			return this.type == Type.INSTANT || this == RELEASE_YEAR;
		}

	}

	enum Op {

		EQ("eq"), NE("ne"), LT("lt"), LTE("lte"), GT("gt"), GTE("gte"), BETWEEN("between"), IN_LAST("inLast"),
		NOT_IN_LAST("notInLast"), IS_NULL("isNull"), NOT_NULL("notNull"), CONTAINS("contains"),
		STARTS_WITH("startsWith"), IN("in"), NOT_IN("notIn");

		final String json;

		Op(String json) {
			this.json = json;
		}

		boolean fits(Field field) {
			Type type = field.type;
			return switch (this) {
				case EQ, NE -> true;
				case LT, LTE, GT, GTE, BETWEEN -> type == Type.NUMBER || type == Type.INSTANT;
				case IN_LAST, NOT_IN_LAST -> type == Type.INSTANT;
				case IS_NULL, NOT_NULL -> field.nullable();
				case CONTAINS, STARTS_WITH -> type == Type.TEXT || type == Type.ARTIST || type == Type.ALBUM;
				case IN, NOT_IN ->
					type == Type.TEXT || type == Type.ARTIST || type == Type.ALBUM || type == Type.NUMBER;
			};
		}

		/** How many values the operator takes: 0, 1, 2 (a pair) or -1 (a list). */
		int arity() {
			return switch (this) {
				case IN_LAST, NOT_IN_LAST, IS_NULL, NOT_NULL -> 0;
				case BETWEEN -> 2;
				case IN, NOT_IN -> -1;
				default -> 1;
			};
		}

	}

	/** A condition: a test or a nested group. */
	sealed interface Condition permits Group, Test {

	}

	record Group(Match match, List<Condition> conditions) implements Condition {

		Group {
			conditions = List.copyOf(conditions);
		}

	}

	/**
	 * @param values the operator's values (none, one, a pair or a list); each a
	 * {@link BigDecimal}, {@link String}, {@link Boolean} or {@link Moment}
	 * @param days the window of {@code inLast}, {@code notInLast} and
	 * {@code playsInLast}, else null
	 */
	record Test(Field field, Op op, List<Object> values, Integer days) implements Condition {

		Test {
			values = List.copyOf(values);
		}

	}

	/**
	 * An instant as the rule wrote it: exact, or a bare date meaning local midnight in
	 * the account's zone.
	 */
	record Moment(Instant instant, LocalDate date) {

		Instant in(ZoneId zone) {
			return (this.instant != null) ? this.instant : this.date.atStartOfDay(zone).toInstant();
		}

	}

	enum SortField {

		PLAYS("plays"), PLAYS_IN_LAST("playsInLast"), LISTENED_MS("listenedMs"), SKIPS("skips"),
		LAST_PLAYED("lastPlayed"), FIRST_PLAYED("firstPlayed"), LIKED_AT("likedAt"), ADDED_AT("addedAt"),
		RELEASE_YEAR("releaseYear"), DURATION_MS("durationMs"), EXPLICIT("explicit"), LIKED("liked"),
		IN_SAVED_ALBUM("inSavedAlbum"), TRACK_NAME("trackName"), ALBUM_NAME("albumName"), ARTIST("artist"),
		ALBUM("album"), ALBUM_ORDER("albumOrder"), RANDOM("random");

		final String json;

		SortField(String json) {
			this.json = json;
		}

	}

	/**
	 * @param days the window of a {@code playsInLast} key, else null
	 * @param seed the seed of a {@code random} key, else null
	 */
	record SortKey(SortField field, boolean descending, Integer days, Long seed) {

	}

	/**
	 * @param tracks the most tracks (1-10,000)
	 * @param minutes the most minutes (1-100,000), or null to limit by tracks only
	 */
	record Limit(int tracks, Integer minutes) {

		static Limit ofTracks(int tracks) {
			return new Limit(tracks, null);
		}

		static Limit ofMinutes(int minutes) {
			return new Limit(MAX_TRACKS, minutes);
		}

	}

	record Exclusions(List<String> tracks, List<String> albums, List<String> artists) {

		static final Exclusions NONE = new Exclusions(List.of(), List.of(), List.of());

		Exclusions {
			tracks = List.copyOf(tracks);
			albums = List.copyOf(albums);
			artists = List.copyOf(artists);
		}

	}

}
