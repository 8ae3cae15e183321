package dev.spotifytracker.playlist;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule playlist's URL id, derived once from its name (RULES.md, "The API's shapes"):
 * lower case, accents dropped, each run of other characters one {@code -}, trimmed, at
 * most 60 characters, and {@code -2}, {@code -3}... when taken.
 */
final class Slugs {

	static final int MAX_LENGTH = 60;

	/** The slug of a name with no letter or digit to keep ("日本語", "!!!"). */
	static final String FALLBACK = "playlist";

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern OTHERS = Pattern.compile("[^a-z0-9]+");

	private Slugs() {
	}

	static String of(String name) {
		String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
		String slug = trim(OTHERS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-"), MAX_LENGTH);
		return slug.isEmpty() ? FALLBACK : slug;
	}

	/**
	 * The name's slug, or the first of {@code slug-2}, {@code slug-3}... not in
	 * {@code taken}, each within 60 characters.
	 */
	static String unique(String name, Set<String> taken) {
		String base = of(name);
		if (!taken.contains(base)) {
			return base;
		}
		for (int n = 2;; n++) {
			String suffix = "-" + n;
			String candidate = trim(base, MAX_LENGTH - suffix.length()) + suffix;
			if (!taken.contains(candidate)) {
				return candidate;
			}
		}
	}

	private static String trim(String slug, int length) {
		String cut = (slug.length() > length) ? slug.substring(0, length) : slug;
		return cut.replaceAll("^-+|-+$", "");
	}

}
