package dev.spotifytracker.playlist;

import java.time.Instant;
import java.util.List;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens the module's internals to {@code dev.spotifytracker.benchmark.PlaylistBenchmark}
 * (test scope only): the rule queries and the push planner.
 */
public final class PlaylistBenchmarkSupport {

	private final PlaylistQueries queries;

	private final RuleQueries rules;

	public PlaylistBenchmarkSupport(JdbcClient jdbc) {
		this.queries = new PlaylistQueries(jdbc);
		this.rules = new RuleQueries(jdbc);
	}

	/**
	 * @return the rule's track ids with its default settings, and how many match before
	 * the limit
	 */
	public Selection select(long account, SmartPlaylistRule rule, Instant now) {
		PlaylistQueries.RuleSelection selection = this.queries.select(new AccountId(account), rule.defaults(), now);
		return new Selection(selection.trackIds(), selection.matching());
	}

	/**
	 * A rule playlist's preview: the rule document compiled and run as the API's preview
	 * runs it.
	 */
	public Selection selectRule(long account, String document, Instant now) {
		PlaylistQueries.RuleSelection selection = this.rules.select(new AccountId(account), RuleParser.parse(document),
				now, java.time.ZoneOffset.UTC);
		return new Selection(selection.trackIds(), selection.matching());
	}

	/**
	 * The plan of a rule's preview query, run: {@code EXPLAIN (ANALYZE, BUFFERS)} of the
	 * compiled SQL with its parameters.
	 */
	public List<String> explainRule(JdbcClient jdbc, long account, String document, Instant now) {
		RuleCompiler.CompiledRule compiled = RuleCompiler.compile(RuleParser.parse(document), new AccountId(account),
				now, java.time.ZoneOffset.UTC);
		return jdbc.sql("explain (analyze, buffers) " + compiled.sql())
			.params(compiled.params())
			.query(String.class)
			.list();
	}

	/**
	 * The rule's compiled query with its parameters written in as literals, to be run by
	 * hand in psql while tuning it.
	 */
	public static String literalSql(long account, String document, Instant now) {
		RuleCompiler.CompiledRule compiled = RuleCompiler.compile(RuleParser.parse(document), new AccountId(account),
				now, java.time.ZoneOffset.UTC);
		java.util.regex.Matcher names = java.util.regex.Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)")
			.matcher(compiled.sql());
		StringBuilder sql = new StringBuilder();
		while (names.find()) {
			Object value = compiled.params().get(names.group(1));
			String literal = (value instanceof Number) ? value.toString()
					: "'" + String.valueOf(value).replace("'", "''") + "'";
			names.appendReplacement(sql, java.util.regex.Matcher.quoteReplacement(literal));
		}
		return names.appendTail(sql).append(";\n").toString();
	}

	/**
	 * The built-in's rule document with its default settings.
	 */
	public static String builtInDocument(SmartPlaylistRule rule) {
		return BuiltInRules.document(rule.defaults());
	}

	public static String sql(SmartPlaylistRule rule) {
		return PlaylistQueries.sql(rule);
	}

	/**
	 * What a push of {@code desired} over {@code pushed} would send.
	 */
	public static Plan plan(List<String> pushed, List<String> desired) {
		PushPlan chosen = PushPlan.between(pushed, true, desired);
		int edit = PushPlan.edit(EditScript.between(pushed, desired)).calls().size();
		int replace = PushPlan.fullReplace(desired).calls().size();
		return new Plan(chosen.kind().value(), chosen.calls().size(), edit, replace);
	}

	public record Selection(List<String> trackIds, int matching) {

	}

	public record Plan(String kind, int calls, int editCalls, int replaceCalls) {

	}

}
