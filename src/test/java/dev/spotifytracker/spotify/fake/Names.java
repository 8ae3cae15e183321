package dev.spotifytracker.spotify.fake;

import java.util.SplittableRandom;

/**
 * Readable, made-up names for generated artists, albums, tracks and playlists.
 */
final class Names {

	private static final String[] ADJECTIVES = { "Amber", "Blue", "Broken", "Burning", "Silent", "Golden", "Hidden",
			"Hollow", "Electric", "Velvet", "Neon", "Wild", "Quiet", "Distant", "Restless", "Crimson", "Paper",
			"Silver", "Midnight", "Northern", "Faded", "Gentle", "Lonely", "Lucky", "Radiant", "Rusty", "Sleepy",
			"Stormy", "Sunny", "Wandering", "Glass", "Secret", "Endless", "Frozen", "Little", "Lost" };

	private static final String[] NOUNS = { "River", "Harbor", "Garden", "Mirror", "Signal", "Highway", "Ocean",
			"Forest", "Lantern", "Machine", "Meadow", "Mountain", "Orchard", "Planet", "Railway", "Shadow", "Sky",
			"Station", "Summer", "Thunder", "Valley", "Window", "Winter", "Echo", "Engine", "Feather", "Fire", "Heart",
			"Horizon", "Island", "Letter", "Moon", "Parade", "Season", "Storm", "Tide" };

	private static final String[] BANDS = { "Quartet", "Collective", "Orchestra", "Brothers", "Sisters", "Club", "Trio",
			"Society", "Ensemble", "Project" };

	private final SplittableRandom random;

	Names(SplittableRandom random) {
		this.random = random;
	}

	String artist() {
		return switch (this.random.nextInt(3)) {
			case 0 -> "The " + pick(ADJECTIVES) + " " + pick(BANDS);
			case 1 -> pick(NOUNS) + " " + pick(NOUNS);
			default -> pick(ADJECTIVES) + " " + pick(NOUNS) + "s";
		};
	}

	String album() {
		return (this.random.nextInt(4) == 0) ? "The " + pick(ADJECTIVES) + " " + pick(NOUNS)
				: pick(NOUNS) + " of " + pick(ADJECTIVES) + " " + pick(NOUNS) + "s";
	}

	String track() {
		return pick(ADJECTIVES) + " " + pick(NOUNS);
	}

	String playlist() {
		return pick(ADJECTIVES) + " " + pick(NOUNS) + " Mix";
	}

	private String pick(String[] words) {
		return words[this.random.nextInt(words.length)];
	}

}
