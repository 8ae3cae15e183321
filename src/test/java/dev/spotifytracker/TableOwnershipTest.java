package dev.spotifytracker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps each table with one module: only its owner's SQL names it; another module asks
 * the owner's service, or queries a read model (a view) the owner publishes, and only
 * when it may depend on the owner. Spring Modulith ({@link ModularityTest}) sees the Java
 * dependencies; this test sees the ones SQL would hide.
 */
class TableOwnershipTest {

	private static final Path SOURCES = Path.of("src/main/java/dev/spotifytracker");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** Every table of the schema and the module that owns it. */
	static final Map<String, String> TABLES = Map.ofEntries(entry("accounts", "account"),
			entry("allowed_users", "account"), entry("spotify_calls", "spotify"), entry("job_runs", "job"),
			entry("logs", "job"), entry("shedlock", "job"), entry("artists", "library"), entry("albums", "library"),
			entry("album_artists", "library"), entry("tracks", "library"), entry("track_artists", "library"),
			entry("saved_albums", "library"), entry("liked_tracks", "library"), entry("library_entries", "library"),
			entry("track_availability", "library"), entry("list_sync_state", "library"),
			entry("library_passes", "library"), entry("library_pass_entries", "library"),
			entry("library_pass_availability", "library"), entry("plays", "plays"),
			entry("excluded_tracks", "playlist"), entry("playlist_rules", "playlist"),
			entry("playlist_mappings", "playlist"), entry("playlists_due", "playlist"),
			entry("rule_playlists", "playlist"), entry("playlist_creations", "playlist"),
			entry("playlist_exclusions", "playlist"), entry("play_rollup_accounts", "plays"),
			entry("play_days", "plays"), entry("play_hours", "plays"), entry("play_sessions", "plays"),
			entry("play_tracks", "plays"), entry("imports", "plays"), entry("import_members", "plays"),
			entry("import_rows", "plays"), entry("play_curation", "plays"), entry("play_settings", "plays"),
			entry("play_gaps", "plays"));

	/** The read models (views) a module publishes for the modules that depend on it. */
	static final Map<String, String> READ_MODELS = Map.ofEntries(entry("library_tracks", "library"),
			entry("catalog_tracks", "library"), entry("catalog_track_artists", "library"),
			entry("counted_plays", "plays"), entry("track_play_counts", "plays"), entry("track_skip_counts", "plays"),
			entry("play_rollup_zones", "plays"), entry("play_day_figures", "plays"),
			entry("play_hour_figures", "plays"), entry("play_session_spans", "plays"),
			entry("play_track_figures", "plays"));

	/**
	 * The modules whose read models a module's SQL names: a dependency Spring Modulith
	 * cannot see.
	 */
	static Set<String> readModelOwnersNamedBy(String module) throws IOException {
		Set<String> owners = new TreeSet<>();
		Pattern relation = Pattern.compile("(?i)\\b(?:from|join|into|update|using|table)\\s+([a-z_][a-z0-9_]*)");
		try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				for (String literal : JavaStrings.of(Files.readString(file))) {
					Matcher named = relation.matcher(literal);
					while (named.find()) {
						String owner = READ_MODELS.get(named.group(1).toLowerCase(java.util.Locale.ROOT));
						if (owner != null && !owner.equals(module)) {
							owners.add(owner);
						}
					}
				}
			}
		}
		return owners;
	}

	@Test
	void everyTableAndViewOfTheSchemaHasAnOwner() throws IOException {
		Set<String> created = new TreeSet<>();
		Pattern create = Pattern.compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:table|view)\\s+([a-z_][a-z0-9_]*)");
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				Matcher found = create.matcher(Files.readString(file));
				while (found.find()) {
					created.add(found.group(1));
				}
			}
		}
		Set<String> known = new TreeSet<>(TABLES.keySet());
		known.addAll(READ_MODELS.keySet());

		assertThat(created).as("tables and views in db/migration, each with an owner in this test")
			.containsExactlyInAnyOrderElementsOf(known);
	}

	@Test
	void noModulesSqlNamesAnotherModulesTable() throws IOException {
		List<String> violations = new SqlOwnership(TABLES, READ_MODELS).violations(SOURCES);

		assertThat(violations).as("SQL naming another module's table").isEmpty();
	}

	@Test
	void aPlantedCrossModuleQueryIsFoundAndTheMessageSaysWhomToAsk() throws IOException {
		Path fixture = Path.of("src/test/java/dev/spotifytracker/ownershipfixture");

		List<String> violations = new SqlOwnership(TABLES, READ_MODELS).violations(fixture);

		assertThat(violations).singleElement()
			.asString()
			.contains("library/PlantedQuery.java")
			.contains("playlist_mappings")
			.contains("ask the playlist module");
	}

	/**
	 * Finds the relations each module's SQL names. SQL is found in the string literals
	 * and text blocks of a module's Java sources (comments are left out); a relation is a
	 * name after {@code from}, {@code join}, {@code into}, {@code update}, {@code using}
	 * or {@code table}.
	 */
	static final class SqlOwnership {

		private static final Pattern RELATION = Pattern
			.compile("(?i)\\b(?:from|join|into|update|using|table)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

		private static final Pattern ALLOWED = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)}");

		private final Map<String, String> tables;

		private final Map<String, String> readModels;

		SqlOwnership(Map<String, String> tables, Map<String, String> readModels) {
			this.tables = tables;
			this.readModels = readModels;
		}

		List<String> violations(Path modulesRoot) throws IOException {
			List<String> violations = new ArrayList<>();
			try (Stream<Path> modules = Files.list(modulesRoot)) {
				for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
					String name = module.getFileName().toString();
					Set<String> mayDependOn = allowedDependencies(module);
					try (Stream<Path> files = Files.walk(module)) {
						for (Path file : files.filter((path) -> path.toString().endsWith(".java")).sorted().toList()) {
							check(modulesRoot.relativize(file).toString(), name, mayDependOn, Files.readString(file),
									violations);
						}
					}
				}
			}
			return violations;
		}

		private void check(String file, String module, Set<String> mayDependOn, String source,
				List<String> violations) {
			for (String literal : JavaStrings.of(source)) {
				Matcher relation = RELATION.matcher(literal);
				while (relation.find()) {
					String named = relation.group(1).toLowerCase(java.util.Locale.ROOT);
					String owner = this.tables.get(named);
					if (owner != null && !owner.equals(module)) {
						violations.add(file + " (module " + module + ") names table " + named + " of module " + owner
								+ ": ask the " + owner + " module (its service, or a read model it publishes)");
					}
					String publisher = this.readModels.get(named);
					if (publisher != null && !publisher.equals(module) && !mayDependOn.contains(publisher)) {
						violations.add(file + " (module " + module + ") reads " + named + ", a read model of module "
								+ publisher + ", which " + module + " may not depend on");
					}
				}
			}
		}

		/**
		 * The modules a module may depend on, from its {@code package-info.java}; all
		 * when it does not say.
		 */
		private Set<String> allowedDependencies(Path module) throws IOException {
			Path info = module.resolve("package-info.java");
			Matcher allowed = Files.exists(info) ? ALLOWED.matcher(Files.readString(info)) : null;
			if (allowed == null || !allowed.find()) {
				return new TreeSet<>(this.readModels.values());
			}
			Set<String> names = new TreeSet<>();
			Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(allowed.group(1));
			while (quoted.find()) {
				names.add(quoted.group(1));
			}
			return names;
		}

	}

	/**
	 * The string literals and text blocks of a Java source, without its comments and
	 * character literals.
	 */
	static final class JavaStrings {

		private JavaStrings() {
		}

		static List<String> of(String source) {
			List<String> strings = new ArrayList<>();
			int i = 0;
			int length = source.length();
			while (i < length) {
				char c = source.charAt(i);
				if (source.startsWith("//", i)) {
					i = endOfLine(source, i);
				}
				else if (source.startsWith("/*", i)) {
					int end = source.indexOf("*/", i + 2);
					i = (end < 0) ? length : end + 2;
				}
				else if (source.startsWith("\"\"\"", i)) {
					int end = source.indexOf("\"\"\"", i + 3);
					end = (end < 0) ? length : end;
					strings.add(source.substring(i + 3, end));
					i = end + 3;
				}
				else if (c == '"' || c == '\'') {
					int end = i + 1;
					while (end < length && source.charAt(end) != c) {
						end += (source.charAt(end) == '\\') ? 2 : 1;
					}
					if (c == '"') {
						strings.add(source.substring(i + 1, Math.min(end, length)));
					}
					i = end + 1;
				}
				else {
					i++;
				}
			}
			return strings;
		}

		private static int endOfLine(String source, int from) {
			int end = source.indexOf('\n', from);
			return (end < 0) ? source.length() : end + 1;
		}

	}

}
