package dev.spotifytracker.playlist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.spotifytracker.playlist.PlaylistRule.Condition;
import dev.spotifytracker.playlist.PlaylistRule.Exclusions;
import dev.spotifytracker.playlist.PlaylistRule.Field;
import dev.spotifytracker.playlist.PlaylistRule.Group;
import dev.spotifytracker.playlist.PlaylistRule.Limit;
import dev.spotifytracker.playlist.PlaylistRule.Match;
import dev.spotifytracker.playlist.PlaylistRule.Moment;
import dev.spotifytracker.playlist.PlaylistRule.Op;
import dev.spotifytracker.playlist.PlaylistRule.SortField;
import dev.spotifytracker.playlist.PlaylistRule.SortKey;
import dev.spotifytracker.playlist.PlaylistRule.Source;
import dev.spotifytracker.playlist.PlaylistRule.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a rule document (RULES.md) into a {@link PlaylistRule}, refusing the first fault
 * with its path. Pure: no database, no clock; instants stay as written until the compiler
 * knows the account's zone.
 */
final class RuleParser {

	static final int MAX_DEPTH = 4;

	static final int MAX_TESTS = 50;

	static final int MAX_NAME = 100;

	static final int MAX_DAYS = 36_500;

	static final int MAX_MINUTES = 100_000;

	/** A value longer than this is no name or id anyone means; it only costs memory. */
	static final int MAX_TEXT = 1_000;

	/** The most ids one exclusion list may hold. */
	static final int MAX_EXCLUDED = 10_000;

	private static final Set<String> RULE_KEYS = Set.of("name", "source", "match", "conditions", "sort", "limit",
			"exclude");

	private static final Set<String> GROUP_KEYS = Set.of("match", "conditions");

	private static final Set<String> TEST_KEYS = Set.of("field", "op", "value", "days");

	private static final Set<String> SORT_KEYS = Set.of("field", "dir", "days", "seed");

	private static final Set<String> LIMIT_KEYS = Set.of("tracks", "minutes");

	private static final Set<String> EXCLUDE_KEYS = Set.of("tracks", "albums", "artists");

	private static final Pattern SPOTIFY_ID = Pattern.compile("[0-9A-Za-z]{22}");

	private int tests;

	private RuleParser() {
	}

	static PlaylistRule parse(String json) {
		JsonNode document;
		try {
			document = JsonMapper.shared().readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidRuleException("The rule is not valid JSON.", "");
		}
		return parse(document);
	}

	static PlaylistRule parse(JsonNode document) {
		return new RuleParser().rule(document);
	}

	private PlaylistRule rule(JsonNode document) {
		if (document == null || !document.isObject()) {
			throw new InvalidRuleException("A rule is a JSON object.", "");
		}
		onlyKeys(document, RULE_KEYS, "");
		String name = name(document.get("name"));
		Source source = choice(document.get("source"), "source", Source.values(), (s) -> s.json, "source")
			.orElse(Source.LIBRARY);
		Group where = group(document, "", 0);
		List<SortKey> sort = sort(document.get("sort"));
		Limit limit = limit(document.get("limit"));
		Exclusions exclude = exclusions(document.get("exclude"));
		return new PlaylistRule(name, source, where, sort, limit, exclude);
	}

	private static String name(JsonNode node) {
		if (node == null || node.isNull()) {
			throw new InvalidRuleException("A rule needs a name.", "name");
		}
		if (!node.isString()) {
			throw new InvalidRuleException("The name must be text.", "name");
		}
		String name = node.stringValue();
		int length = name.codePointCount(0, name.length());
		if (name.isBlank() || length > MAX_NAME) {
			throw new InvalidRuleException("The name must be 1 to " + MAX_NAME + " characters.", "name");
		}
		return name;
	}

	/**
	 * The group's own {@code match} and {@code conditions}; the rule is the group at
	 * depth 0.
	 */
	private Group group(JsonNode node, String path, int depth) {
		if (depth > MAX_DEPTH) {
			throw new InvalidRuleException("Groups nest at most " + MAX_DEPTH + " deep.", path);
		}
		Match match = choice(node.get("match"), join(path, "match"), Match.values(), (m) -> m.json, "match")
			.orElse(Match.ALL);
		JsonNode conditions = node.get("conditions");
		List<Condition> parsed = new ArrayList<>();
		if (conditions != null && !conditions.isNull()) {
			String listPath = join(path, "conditions");
			if (!conditions.isArray()) {
				throw new InvalidRuleException("The conditions must be a list.", listPath);
			}
			for (int i = 0; i < conditions.size(); i++) {
				parsed.add(condition(conditions.get(i), listPath + "[" + i + "]", depth + 1));
			}
		}
		return new Group(match, parsed);
	}

	private Condition condition(JsonNode node, String path, int depth) {
		if (!node.isObject()) {
			throw new InvalidRuleException("A condition is a JSON object.", path);
		}
		if (node.has("field")) {
			return test(node, path);
		}
		if (node.has("conditions") || node.has("match")) {
			onlyKeys(node, GROUP_KEYS, path);
			return group(node, path, depth);
		}
		throw new InvalidRuleException("A condition needs a field, or conditions for a group.", path);
	}

	private Test test(JsonNode node, String path) {
		onlyKeys(node, TEST_KEYS, path);
		this.tests++;
		if (this.tests > MAX_TESTS) {
			throw new InvalidRuleException("A rule holds at most " + MAX_TESTS + " tests.", path);
		}
		Field field = choice(node.get("field"), join(path, "field"), Field.values(), (f) -> f.json, "field")
			.orElseThrow(() -> new InvalidRuleException("A condition needs a field.", join(path, "field")));
		Op op = choice(node.get("op"), join(path, "op"), Op.values(), (o) -> o.json, "operator")
			.orElseThrow(() -> new InvalidRuleException("A condition needs an operator.", join(path, "op")));
		if (!op.fits(field)) {
			throw new InvalidRuleException("The operator " + op.json + " does not fit the field " + field.json + ".",
					join(path, "op"));
		}
		boolean needsDays = field == Field.PLAYS_IN_LAST || op == Op.IN_LAST || op == Op.NOT_IN_LAST;
		Integer days = days(node.get("days"), join(path, "days"), needsDays);
		List<Object> values = values(node.get("value"), join(path, "value"), field, op);
		return new Test(field, op, values, days);
	}

	private static Integer days(JsonNode node, String path, boolean needed) {
		if (node == null || node.isNull()) {
			if (needed) {
				throw new InvalidRuleException("This condition needs a number of days.", path);
			}
			return null;
		}
		if (!needed) {
			throw new InvalidRuleException("Only playsInLast, inLast and notInLast take days.", path);
		}
		return wholeNumber(node, path, 1, MAX_DAYS, "Days");
	}

	private static List<Object> values(JsonNode node, String path, Field field, Op op) {
		int arity = op.arity();
		boolean absent = node == null || node.isNull();
		if (arity == 0) {
			if (!absent) {
				throw new InvalidRuleException("The operator " + op.json + " takes no value.", path);
			}
			return List.of();
		}
		if (absent) {
			throw new InvalidRuleException("The operator " + op.json + " needs a value.", path);
		}
		if (arity == 1) {
			return List.of(value(node, path, field));
		}
		if (!node.isArray()) {
			throw new InvalidRuleException((arity == 2) ? "between takes a list of two values, [low, high]."
					: "The operator " + op.json + " takes a list of values.", path);
		}
		if (arity == 2 && node.size() != 2) {
			throw new InvalidRuleException("between takes a list of two values, [low, high].", path);
		}
		if (node.isEmpty()) {
			throw new InvalidRuleException("The list of values is empty.", path);
		}
		if (node.size() > MAX_TESTS * 20) {
			throw new InvalidRuleException("A list holds at most " + (MAX_TESTS * 20) + " values.", path);
		}
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			values.add(value(node.get(i), path + "[" + i + "]", field));
		}
		if (arity == 2 && compare(values.get(0), values.get(1)) > 0) {
			throw new InvalidRuleException("The low end of between is above its high end.", path);
		}
		return values;
	}

	private static int compare(Object low, Object high) {
		if (low instanceof BigDecimal a && high instanceof BigDecimal b) {
			return a.compareTo(b);
		}
		Moment a = (Moment) low;
		Moment b = (Moment) high;
		if (a.date() != null && b.date() != null) {
			return a.date().compareTo(b.date());
		}
		if (a.instant() != null && b.instant() != null) {
			return a.instant().compareTo(b.instant());
		}
		// a date against an instant depends on the account's zone: compare at the widest
		// offsets (UTC-12 and UTC+14 are the extremes) so only a certain inversion is
		// refused
		Instant lowEarliest = (a.date() != null) ? a.date().atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(14))
				: a.instant();
		Instant highLatest = (b.date() != null) ? b.date().atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(-12))
				: b.instant();
		return lowEarliest.isAfter(highLatest) ? 1 : 0;
	}

	private static Object value(JsonNode node, String path, Field field) {
		return switch (field.type) {
			case NUMBER -> {
				if (!node.isNumber()) {
					throw new InvalidRuleException("The field " + field.json + " takes a number.", path);
				}
				yield node.decimalValue();
			}
			case BOOLEAN -> {
				if (!node.isBoolean()) {
					throw new InvalidRuleException("The field " + field.json + " takes true or false.", path);
				}
				yield node.booleanValue();
			}
			case INSTANT -> moment(node, path, field);
			case TEXT, ARTIST, ALBUM -> {
				if (!node.isString()) {
					throw new InvalidRuleException("The field " + field.json + " takes text.", path);
				}
				if (node.stringValue().length() > MAX_TEXT) {
					throw new InvalidRuleException("A text value is at most " + MAX_TEXT + " characters.", path);
				}
				yield node.stringValue();
			}
		};
	}

	private static Moment moment(JsonNode node, String path, Field field) {
		String message = "The field " + field.json
				+ " takes an ISO-8601 instant with Z or an offset, or a date like 2024-05-01.";
		if (!node.isString()) {
			throw new InvalidRuleException(message, path);
		}
		String text = node.stringValue();
		try {
			if (text.length() == 10) {
				return new Moment(null, LocalDate.parse(text));
			}
			return new Moment(OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS), null);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRuleException(message, path);
		}
	}

	private static List<SortKey> sort(JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new InvalidRuleException("The sort must be a list of keys.", "sort");
		}
		if (node.size() > Field.values().length + 2) {
			throw new InvalidRuleException("A sort holds at most " + (Field.values().length + 2) + " keys.", "sort");
		}
		List<SortKey> keys = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			keys.add(sortKey(node.get(i), "sort[" + i + "]"));
		}
		return keys;
	}

	private static SortKey sortKey(JsonNode node, String path) {
		if (!node.isObject()) {
			throw new InvalidRuleException("A sort key is a JSON object.", path);
		}
		onlyKeys(node, SORT_KEYS, path);
		SortField field = choice(node.get("field"), join(path, "field"), SortField.values(), (f) -> f.json,
				"sort field")
			.orElseThrow(() -> new InvalidRuleException("A sort key needs a field.", join(path, "field")));
		boolean descending = choice(node.get("dir"), join(path, "dir"), new String[] { "asc", "desc" }, (d) -> d,
				"direction")
			.map("desc"::equals)
			.orElse(false);
		Integer days = days(node.get("days"), join(path, "days"), field == SortField.PLAYS_IN_LAST);
		Long seed = null;
		JsonNode seedNode = node.get("seed");
		if (field == SortField.RANDOM) {
			if (seedNode == null || seedNode.isNull()) {
				throw new InvalidRuleException("A random sort needs a seed.", join(path, "seed"));
			}
			if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
				throw new InvalidRuleException("The seed must be a whole number.", join(path, "seed"));
			}
			seed = seedNode.longValue();
		}
		else if (seedNode != null && !seedNode.isNull()) {
			throw new InvalidRuleException("Only a random sort takes a seed.", join(path, "seed"));
		}
		return new SortKey(field, descending, days, seed);
	}

	private static Limit limit(JsonNode node) {
		if (node == null || node.isNull()) {
			return Limit.ofTracks(PlaylistRule.DEFAULT_TRACKS);
		}
		if (!node.isObject()) {
			throw new InvalidRuleException("The limit is an object: {\"tracks\": N} or {\"minutes\": M}.", "limit");
		}
		onlyKeys(node, LIMIT_KEYS, "limit");
		JsonNode tracks = node.get("tracks");
		JsonNode minutes = node.get("minutes");
		boolean hasTracks = tracks != null && !tracks.isNull();
		boolean hasMinutes = minutes != null && !minutes.isNull();
		if (hasTracks && hasMinutes) {
			throw new InvalidRuleException("Limit by tracks or by minutes, not both.", "limit.minutes");
		}
		if (hasMinutes) {
			return Limit.ofMinutes(wholeNumber(minutes, "limit.minutes", 1, MAX_MINUTES, "Minutes"));
		}
		if (hasTracks) {
			return Limit.ofTracks(wholeNumber(tracks, "limit.tracks", 1, PlaylistRule.MAX_TRACKS, "Tracks"));
		}
		throw new InvalidRuleException("The limit needs tracks or minutes.", "limit");
	}

	private static Exclusions exclusions(JsonNode node) {
		if (node == null || node.isNull()) {
			return Exclusions.NONE;
		}
		if (!node.isObject()) {
			throw new InvalidRuleException("exclude is an object of tracks, albums and artists.", "exclude");
		}
		onlyKeys(node, EXCLUDE_KEYS, "exclude");
		return new Exclusions(ids(node.get("tracks"), "exclude.tracks"), ids(node.get("albums"), "exclude.albums"),
				ids(node.get("artists"), "exclude.artists"));
	}

	private static List<String> ids(JsonNode node, String path) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new InvalidRuleException("This must be a list of Spotify ids.", path);
		}
		if (node.size() > MAX_EXCLUDED) {
			throw new InvalidRuleException("A list holds at most " + MAX_EXCLUDED + " ids.", path);
		}
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode id = node.get(i);
			if (!id.isString() || !SPOTIFY_ID.matcher(id.stringValue()).matches()) {
				throw new InvalidRuleException("A Spotify id is 22 letters and digits.", path + "[" + i + "]");
			}
			ids.add(id.stringValue());
		}
		return ids;
	}

	private static int wholeNumber(JsonNode node, String path, int min, int max, String what) {
		if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
			throw new InvalidRuleException(what + " must be a whole number from " + String.format("%,d", min) + " to "
					+ String.format("%,d", max) + ".", path);
		}
		return node.intValue();
	}

	private static <T> Optional<T> choice(JsonNode node, String path, T[] choices,
			java.util.function.Function<T, String> json, String what) {
		if (node == null || node.isNull()) {
			return Optional.empty();
		}
		if (node.isString()) {
			for (T choice : choices) {
				if (json.apply(choice).equals(node.stringValue())) {
					return Optional.of(choice);
				}
			}
		}
		String known = String.join(", ", Arrays.stream(choices).map(json).toList());
		throw new InvalidRuleException("Unknown " + what + " " + node + "; expected one of " + known + ".", path);
	}

	private static void onlyKeys(JsonNode node, Set<String> keys, String path) {
		for (String key : node.propertyNames()) {
			if (!keys.contains(key)) {
				throw new InvalidRuleException("Unknown key " + key + ".", join(path, key));
			}
		}
	}

	private static String join(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

}
