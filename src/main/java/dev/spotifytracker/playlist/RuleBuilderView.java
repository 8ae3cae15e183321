package dev.spotifytracker.playlist;

import java.util.List;

/**
 * What the builder page shows of a {@link RuleDraft}: the draft's inputs, the fault the
 * parser found (next to the condition or input it names) and the preview when the rule is
 * valid.
 *
 * @param slug the stored rule's slug, empty for a new one
 * @param error the parser's sentence, or null when the rule is valid
 * @param errorAt where it belongs: a condition key ({@code 1.0}), {@code name},
 * {@code limit}, {@code sort}, {@code exclude} or {@code rule}
 * @param document the rule document the draft makes, for the JSON box
 */
record RuleBuilderView(String slug, String name, String source, String match, List<ConditionView> conditions,
		List<SortView> sort, String limitKind, String limitValue, String excludeTracks, String excludeAlbums,
		String excludeArtists, String error, String errorAt, String document, BuilderPreview preview) {

	public boolean hasErrorAt(String place) {
		return this.error != null && place.equals(this.errorAt);
	}

	/**
	 * A condition of the builder.
	 *
	 * @param key its position, e.g. {@code 1.0}; form fields are named {@code n.KEY.*}
	 * @param depth 0 for a condition of the rule itself
	 */
	record ConditionView(String key, int depth, boolean group, String match, String field, String op, String value,
			String value2, String days, String inputType, int arity, boolean takesDays, List<ConditionView> children,
			String error) {

		/** The key as an HTML id part. */
		public String id() {
			return this.key.replace('.', '-');
		}

		/** "Condition 2.1", as a person counts. */
		public String label() {
			StringBuilder label = new StringBuilder();
			for (String part : this.key.split("\\.")) {
				label.append((label.isEmpty()) ? "" : ".").append(Integer.parseInt(part) + 1);
			}
			return label.toString();
		}

	}

	record SortView(int index, String field, String dir, String days, String seed) {

	}

	/**
	 * The preview of a valid rule.
	 *
	 * @param count tracks in the playlist (after the limit)
	 * @param matched candidates that pass the conditions
	 * @param durationMs the playlist's length
	 * @param first the first 50 tracks
	 * @param comparedWith what the changes are counted against ("the playlist on
	 * Spotify"), or null for a rule without a playlist yet
	 * @param added how many tracks the next push adds
	 * @param removed how many it removes
	 * @param firstAdded the first 50 it adds, in playlist order
	 * @param firstRemoved the first 50 it removes, in the pushed playlist's order
	 */
	record BuilderPreview(int count, int matched, long durationMs, List<TrackSummary> first, String comparedWith,
			int added, int removed, List<TrackSummary> firstAdded, List<TrackSummary> firstRemoved) {

	}

}
