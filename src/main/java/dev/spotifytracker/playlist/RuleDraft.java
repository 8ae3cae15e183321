package dev.spotifytracker.playlist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.spotifytracker.playlist.PlaylistRule.Field;
import dev.spotifytracker.playlist.PlaylistRule.Op;
import dev.spotifytracker.playlist.PlaylistRule.Type;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rule as the builder page edits it: what the person typed, kept as text until it is
 * turned into a rule document (RULES.md) for the parser, which judges it. The page sends
 * the whole draft with every change as form fields named by the condition's position
 * ({@code n.1.0.field} is the first test of the second condition's group), so the server
 * needs no state between requests and the page works without scripts too.
 */
final class RuleDraft {

	/**
	 * Values of {@code in} and {@code notIn} are written one after the other with this.
	 */
	static final String LIST_SEPARATOR = ";";

	private static final Pattern NODE_PARAM = Pattern.compile("n\\.((?:\\d{1,3}\\.){0,5}\\d{1,3})\\.(\\w+)");

	private static final Pattern SORT_PARAM = Pattern.compile("s\\.(\\d{1,2})\\.(\\w+)");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	String slug = "";

	String name = "";

	String source = "library";

	String match = "all";

	final List<Node> conditions = new ArrayList<>();

	final List<SortRow> sort = new ArrayList<>();

	String limitKind = "tracks";

	String limitValue = "";

	String excludeTracks = "";

	String excludeAlbums = "";

	String excludeArtists = "";

	/**
	 * A condition: a test ({@code field}, {@code op}, values as typed) or a group.
	 */
	static final class Node {

		boolean group;

		String match = "all";

		String field = "plays";

		String op = "gte";

		String value = "";

		String value2 = "";

		String days = "";

		final List<Node> children = new ArrayList<>();

		/** The position, e.g. {@code 1.0}, filled in by {@link #number}. */
		String key = "";

		static Node test(String field, String op) {
			Node node = new Node();
			node.field = field;
			node.op = op;
			return node;
		}

		/**
		 * A new condition: played at least 0 times, which every track is, so the preview
		 * shows the whole source until the condition is changed.
		 */
		static Node starter() {
			Node node = test("plays", "gte");
			node.value = "0";
			return node;
		}

		static Node group() {
			Node node = new Node();
			node.group = true;
			node.match = "any";
			node.children.add(starter());
			return node;
		}

		/** The type of the field, for the page's input: number, date, text... */
		String inputType() {
			return fieldOf(this.field).map((known) -> switch (known.type) {
				case NUMBER -> "number";
				case INSTANT -> "date";
				case BOOLEAN -> "boolean";
				default -> "text";
			}).orElse("text");
		}

		/** Values the operator takes: 0, 1, 2 (a pair) or -1 (a list). */
		int arity() {
			return opOf(this.op).map(Op::arity).orElse(1);
		}

		boolean takesDays() {
			return "playsInLast".equals(this.field) || "inLast".equals(this.op) || "notInLast".equals(this.op);
		}

		boolean isArtist() {
			return "artist".equals(this.field);
		}

		public String getKey() {
			return this.key;
		}

	}

	/**
	 * A sort key as typed.
	 */
	static final class SortRow {

		String field = "plays";

		String dir = "desc";

		String days = "";

		String seed = "";

	}

	/**
	 * The draft the form fields describe; fields it does not know are ignored, missing
	 * ones take the defaults.
	 */
	static RuleDraft fromParams(Map<String, String[]> params) {
		RuleDraft draft = new RuleDraft();
		draft.slug = first(params, "slug", "");
		draft.name = first(params, "name", "");
		draft.source = first(params, "source", "library");
		draft.match = first(params, "match", "all");
		draft.limitKind = first(params, "limitKind", "tracks");
		draft.limitValue = first(params, "limitValue", "");
		draft.excludeTracks = first(params, "excludeTracks", "");
		draft.excludeAlbums = first(params, "excludeAlbums", "");
		draft.excludeArtists = first(params, "excludeArtists", "");
		Map<List<Integer>, Map<String, String>> nodes = new TreeMap<>(RuleDraft::comparePositions);
		Map<Integer, Map<String, String>> sorts = new TreeMap<>();
		params.forEach((key, values) -> {
			Matcher node = NODE_PARAM.matcher(key);
			if (node.matches()) {
				nodes.computeIfAbsent(position(node.group(1)), (ignored) -> new TreeMap<>())
					.put(node.group(2), values[0]);
			}
			Matcher sortRow = SORT_PARAM.matcher(key);
			if (sortRow.matches()) {
				sorts.computeIfAbsent(Integer.parseInt(sortRow.group(1)), (ignored) -> new TreeMap<>())
					.put(sortRow.group(2), values[0]);
			}
		});
		Map<List<Integer>, Node> built = new TreeMap<>(RuleDraft::comparePositions);
		nodes.forEach((position, fields) -> {
			Node node = new Node();
			node.group = "group".equals(fields.get("kind"));
			node.match = fields.getOrDefault("match", "all");
			node.field = fields.getOrDefault("field", "plays");
			node.op = fields.getOrDefault("op", "gte");
			node.value = fields.getOrDefault("value", "");
			node.value2 = fields.getOrDefault("value2", "");
			node.days = fields.getOrDefault("days", "");
			built.put(position, node);
			List<Integer> parent = position.subList(0, position.size() - 1);
			if (parent.isEmpty()) {
				draft.conditions.add(node);
			}
			else if (built.containsKey(parent) && built.get(parent).group) {
				built.get(parent).children.add(node);
			}
		});
		sorts.values().forEach((fields) -> {
			SortRow row = new SortRow();
			row.field = fields.getOrDefault("field", "plays");
			row.dir = fields.getOrDefault("dir", "asc");
			row.days = fields.getOrDefault("days", "");
			row.seed = fields.getOrDefault("seed", "");
			draft.sort.add(row);
		});
		return draft.number();
	}

	/**
	 * The draft of a stored or pasted document, so the builder can show it.
	 * @throws InvalidRuleException when the text is no JSON object
	 */
	static RuleDraft fromDocument(String json) {
		JsonNode document;
		try {
			document = JsonMapper.shared().readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidRuleException("The rule is not valid JSON.", "");
		}
		if (document == null || !document.isObject()) {
			throw new InvalidRuleException("The rule must be a JSON object.", "");
		}
		RuleDraft draft = new RuleDraft();
		draft.name = text(document.get("name"));
		draft.source = textOr(document.get("source"), "library");
		draft.match = textOr(document.get("match"), "all");
		conditionsOf(document.get("conditions"), draft.conditions);
		JsonNode sort = document.get("sort");
		if (sort != null && sort.isArray()) {
			for (JsonNode key : sort) {
				SortRow row = new SortRow();
				row.field = text(key.get("field"));
				row.dir = textOr(key.get("dir"), "asc");
				row.days = text(key.get("days"));
				row.seed = text(key.get("seed"));
				draft.sort.add(row);
			}
		}
		JsonNode limit = document.get("limit");
		if (limit != null && limit.has("minutes")) {
			draft.limitKind = "minutes";
			draft.limitValue = text(limit.get("minutes"));
		}
		else if (limit != null) {
			draft.limitValue = text(limit.get("tracks"));
		}
		JsonNode exclude = document.get("exclude");
		if (exclude != null) {
			draft.excludeTracks = joined(exclude.get("tracks"));
			draft.excludeAlbums = joined(exclude.get("albums"));
			draft.excludeArtists = joined(exclude.get("artists"));
		}
		return draft.number();
	}

	/**
	 * The rule document the draft describes, for the parser to judge: numbers where the
	 * field is a number and the text is one, lists split at {@value #LIST_SEPARATOR}, and
	 * nothing for an empty input (so the parser names what is missing, with its path).
	 */
	String toDocument() {
		return toDocument(this.name.strip());
	}

	/** The rule document under another name (the preview of a rule not yet named). */
	String toDocument(String name) {
		ObjectNode document = JsonNodeFactory.instance.objectNode();
		document.put("name", name);
		document.put("source", this.source);
		document.put("match", this.match);
		document.set("conditions", conditionsJson(this.conditions));
		if (!this.sort.isEmpty()) {
			ArrayNode keys = document.putArray("sort");
			for (SortRow row : this.sort) {
				ObjectNode key = keys.addObject();
				key.put("field", row.field);
				key.put("dir", row.dir);
				if ("playsInLast".equals(row.field)) {
					putNumberOrText(key, "days", row.days);
				}
				if ("random".equals(row.field)) {
					putNumberOrText(key, "seed", row.seed);
				}
			}
		}
		if (!this.limitValue.isBlank()) {
			putNumberOrText(document.putObject("limit"), "minutes".equals(this.limitKind) ? "minutes" : "tracks",
					this.limitValue);
		}
		ObjectNode exclude = JsonNodeFactory.instance.objectNode();
		putList(exclude, "tracks", this.excludeTracks);
		putList(exclude, "albums", this.excludeAlbums);
		putList(exclude, "artists", this.excludeArtists);
		if (!exclude.isEmpty()) {
			document.set("exclude", exclude);
		}
		return document.toString();
	}

	/**
	 * Applies a button of the builder: {@code add}, {@code addGroup}, {@code addSort} or
	 * {@code removeSort:i} at the top, {@code add:KEY} or {@code addGroup:KEY} inside a
	 * group, {@code remove:KEY} for a condition. An action that names nothing known is
	 * ignored.
	 */
	RuleDraft apply(String action) {
		if (action == null || action.isBlank()) {
			return this;
		}
		String[] parts = action.split(":", 2);
		String verb = parts[0];
		String key = (parts.length > 1) ? parts[1] : "";
		switch (verb) {
			case "add" -> childrenAt(key).ifPresent((children) -> children.add(Node.starter()));
			case "addGroup" -> childrenAt(key).ifPresent((children) -> children.add(Node.group()));
			case "remove" -> remove(key);
			case "addSort" -> this.sort.add(new SortRow());
			case "removeSort" -> {
				if (key.matches("\\d{1,2}") && Integer.parseInt(key) < this.sort.size()) {
					this.sort.remove(Integer.parseInt(key));
				}
			}
			default -> {
				// an unknown button: the draft stays as it is
			}
		}
		return number();
	}

	/**
	 * The key of the condition a parser path names
	 * ({@code conditions[1].conditions[0].value} is {@code 1.0}), so the page can show
	 * the fault next to it; empty when the path is about no condition.
	 */
	static String conditionKey(String path) {
		Matcher index = Pattern.compile("conditions\\[(\\d+)]").matcher((path != null) ? path : "");
		List<String> keys = new ArrayList<>();
		while (index.find()) {
			keys.add(index.group(1));
		}
		return String.join(".", keys);
	}

	/** Every condition, groups and their tests, in page order (depth first). */
	List<Node> allConditions() {
		List<Node> all = new ArrayList<>();
		collect(this.conditions, all);
		return all;
	}

	private static void collect(List<Node> nodes, List<Node> all) {
		for (Node node : nodes) {
			all.add(node);
			collect(node.children, all);
		}
	}

	private Optional<List<Node>> childrenAt(String key) {
		if (key.isEmpty()) {
			return Optional.of(this.conditions);
		}
		return find(key).filter((node) -> node.group).map((node) -> node.children);
	}

	private Optional<Node> find(String key) {
		return allConditions().stream().filter((node) -> node.key.equals(key)).findFirst();
	}

	private void remove(String key) {
		removeFrom(this.conditions, key);
	}

	private static boolean removeFrom(List<Node> nodes, String key) {
		for (Node node : nodes) {
			if (node.key.equals(key)) {
				nodes.remove(node);
				return true;
			}
			if (removeFrom(node.children, key)) {
				return true;
			}
		}
		return false;
	}

	private RuleDraft number() {
		numberAll(this.conditions, "");
		return this;
	}

	private static void numberAll(List<Node> nodes, String prefix) {
		for (int i = 0; i < nodes.size(); i++) {
			Node node = nodes.get(i);
			node.key = prefix + i;
			numberAll(node.children, node.key + ".");
		}
	}

	private static ArrayNode conditionsJson(List<Node> nodes) {
		ArrayNode array = JsonNodeFactory.instance.arrayNode();
		for (Node node : nodes) {
			ObjectNode condition = array.addObject();
			if (node.group) {
				condition.put("match", node.match);
				condition.set("conditions", conditionsJson(node.children));
				continue;
			}
			condition.put("field", node.field);
			condition.put("op", node.op);
			if (node.takesDays()) {
				putNumberOrText(condition, "days", node.days);
			}
			Type type = fieldOf(node.field).map((field) -> field.type).orElse(Type.TEXT);
			switch (node.arity()) {
				case 1 -> putValue(condition, type, node.value);
				case 2 -> {
					if (!node.value.isBlank() || !node.value2.isBlank()) {
						ArrayNode pair = condition.putArray("value");
						addValue(pair, type, node.value);
						addValue(pair, type, node.value2);
					}
				}
				case -1 -> {
					if (!node.value.isBlank()) {
						ArrayNode list = condition.putArray("value");
						Arrays.stream(node.value.split(LIST_SEPARATOR))
							.map(String::strip)
							.filter((item) -> !item.isEmpty())
							.forEach((item) -> addValue(list, type, item));
					}
				}
				default -> {
					// isNull, notNull, inLast, notInLast: no value
				}
			}
		}
		return array;
	}

	private static void putValue(ObjectNode condition, Type type, String value) {
		if (value.isBlank()) {
			return;
		}
		ArrayNode holder = JsonNodeFactory.instance.arrayNode();
		addValue(holder, type, value);
		condition.set("value", holder.get(0));
	}

	private static void addValue(ArrayNode array, Type type, String value) {
		String text = value.strip();
		if (type == Type.NUMBER && NUMBER.matcher(text).matches()) {
			array.add(new java.math.BigDecimal(text));
		}
		else if (type == Type.BOOLEAN && ("true".equals(text) || "false".equals(text))) {
			array.add(Boolean.parseBoolean(text));
		}
		else {
			array.add(text);
		}
	}

	private static void putNumberOrText(ObjectNode node, String key, String value) {
		String text = value.strip();
		if (text.isEmpty()) {
			return;
		}
		if (NUMBER.matcher(text).matches()) {
			node.put(key, new java.math.BigDecimal(text));
		}
		else {
			node.put(key, text);
		}
	}

	private static void putList(ObjectNode node, String key, String value) {
		List<String> items = Arrays.stream(value.split("[\\s,;]+")).filter((item) -> !item.isEmpty()).toList();
		if (!items.isEmpty()) {
			ArrayNode array = node.putArray(key);
			items.forEach(array::add);
		}
	}

	private static void conditionsOf(JsonNode json, List<Node> into) {
		if (json == null || !json.isArray()) {
			return;
		}
		for (JsonNode condition : json) {
			Node node = new Node();
			if (condition.has("conditions") || (condition.has("match") && !condition.has("field"))) {
				node.group = true;
				node.match = textOr(condition.get("match"), "all");
				conditionsOf(condition.get("conditions"), node.children);
			}
			else {
				node.field = text(condition.get("field"));
				node.op = text(condition.get("op"));
				node.days = text(condition.get("days"));
				JsonNode value = condition.get("value");
				if (value != null && value.isArray() && node.arity() == 2 && value.size() == 2) {
					node.value = text(value.get(0));
					node.value2 = text(value.get(1));
				}
				else if (value != null && value.isArray()) {
					node.value = joinedWith(value, LIST_SEPARATOR + " ");
				}
				else {
					node.value = text(value);
				}
			}
			into.add(node);
		}
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return "";
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	private static String textOr(JsonNode node, String otherwise) {
		String text = text(node);
		return text.isEmpty() ? otherwise : text;
	}

	private static String joined(JsonNode node) {
		return joinedWith(node, "\n");
	}

	private static String joinedWith(JsonNode node, String separator) {
		if (node == null || !node.isArray()) {
			return text(node);
		}
		List<String> items = new ArrayList<>();
		node.forEach((item) -> items.add(text(item)));
		return String.join(separator, items);
	}

	private static String first(Map<String, String[]> params, String name, String otherwise) {
		String[] values = params.get(name);
		return (values != null && values.length > 0 && values[0] != null) ? values[0] : otherwise;
	}

	private static List<Integer> position(String key) {
		return Arrays.stream(key.split("\\.")).map(Integer::parseInt).toList();
	}

	private static int comparePositions(List<Integer> a, List<Integer> b) {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int compared = Integer.compare(a.get(i), b.get(i));
			if (compared != 0) {
				return compared;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	static Optional<Field> fieldOf(String json) {
		return Arrays.stream(Field.values()).filter((field) -> field.json.equals(json)).findFirst();
	}

	static Optional<Op> opOf(String json) {
		return Arrays.stream(Op.values()).filter((op) -> op.json.equals(json)).findFirst();
	}

	/**
	 * The draft as the page shows it, with the parser's fault placed next to what it is
	 * about.
	 */
	RuleBuilderView view(InvalidRuleException fault, RuleBuilderView.BuilderPreview preview) {
		String errorAt = null;
		if (fault != null) {
			String key = conditionKey(fault.path());
			String path = (fault.path() != null) ? fault.path() : "";
			if (!key.isEmpty()) {
				errorAt = key;
			}
			else {
				errorAt = List.of("name", "limit", "sort", "exclude", "source", "match")
					.stream()
					.filter(path::startsWith)
					.findFirst()
					.orElse("rule");
			}
		}
		String conditionError = errorAt;
		List<RuleBuilderView.SortView> sortViews = new ArrayList<>();
		for (int i = 0; i < this.sort.size(); i++) {
			SortRow row = this.sort.get(i);
			sortViews.add(new RuleBuilderView.SortView(i, row.field, row.dir, row.days, row.seed));
		}
		return new RuleBuilderView(this.slug, this.name, this.source, this.match,
				views(this.conditions, 0, (fault != null) ? fault.getMessage() : null, conditionError), sortViews,
				this.limitKind, this.limitValue, this.excludeTracks, this.excludeAlbums, this.excludeArtists,
				(fault != null) ? fault.getMessage() : null, errorAt, toDocument(), preview);
	}

	private static List<RuleBuilderView.ConditionView> views(List<Node> nodes, int depth, String error,
			String errorAt) {
		List<RuleBuilderView.ConditionView> views = new ArrayList<>();
		for (Node node : nodes) {
			views.add(new RuleBuilderView.ConditionView(node.key, depth, node.group, node.match, node.field, node.op,
					node.value, node.value2, node.days, node.inputType(), node.arity(), node.takesDays(),
					views(node.children, depth + 1, error, errorAt), node.key.equals(errorAt) ? error : null));
		}
		return views;
	}

}
