package dev.spotifytracker.spotify.fake;

import java.time.Instant;

/**
 * What {@link SimulatedUser#generateLibrary(LibrarySpec)} makes: start from
 * {@link #seed(long)} and change what matters, e.g.
 * {@code LibrarySpec.seed(7).albums(2_000).likedTracks(50_000)}. The same spec always
 * gives the same library, ids and times included.
 *
 * @param seed everything random derives from it
 * @param albums saved albums
 * @param likedTracks liked tracks, inside and outside the saved albums
 * @param likedOutsideSavedAlbums the share of liked tracks from albums that are in the
 * catalog but not saved (more when the saved albums have fewer tracks than asked for)
 * @param unavailableFraction the share of library tracks that do not play
 * ({@code is_playable:false} with a {@code restrictions.reason})
 * @param unknownAvailabilityFraction the share of library tracks whose
 * {@code is_playable} is missing
 * @param plays plays, spread over {@code playYears} before {@code endingAt}
 * @param playYears how far back the plays and library additions go
 * @param minAlbumSize the fewest tracks of a saved album
 * @param maxAlbumSize the most tracks of a saved album; with at least 3 albums one has
 * exactly this many (when over 100) and another has 51 to 100
 * @param playlists private playlists the user owns, of library tracks
 * @param endingAt the newest time of the library; fixed by default so times repeat
 */
public record LibrarySpec(long seed, int albums, int likedTracks, double likedOutsideSavedAlbums,
		double unavailableFraction, double unknownAvailabilityFraction, int plays, int playYears, int minAlbumSize,
		int maxAlbumSize, int playlists, Instant endingAt) {

	public static final Instant DEFAULT_ENDING_AT = Instant.parse("2026-06-01T12:00:00Z");

	public LibrarySpec {
		requireAtLeast(0, albums, "albums");
		requireAtLeast(0, likedTracks, "likedTracks");
		requireAtLeast(0, plays, "plays");
		requireAtLeast(1, playYears, "playYears");
		requireAtLeast(1, minAlbumSize, "minAlbumSize");
		requireAtLeast(minAlbumSize, maxAlbumSize, "maxAlbumSize");
		requireAtLeast(0, playlists, "playlists");
		requireFraction(likedOutsideSavedAlbums, "likedOutsideSavedAlbums");
		requireFraction(unavailableFraction, "unavailableFraction");
		requireFraction(unknownAvailabilityFraction, "unknownAvailabilityFraction");
		requireFraction(unavailableFraction + unknownAvailabilityFraction,
				"unavailableFraction + unknownAvailabilityFraction");
		if (endingAt == null) {
			throw new IllegalArgumentException("endingAt is required");
		}
	}

	/**
	 * A small library: 20 albums, 100 liked tracks (30% outside saved albums), 5%
	 * unavailable, 2% unknown, 500 plays over 3 years.
	 */
	public static LibrarySpec seed(long seed) {
		return new LibrarySpec(seed, 20, 100, 0.3, 0.05, 0.02, 500, 3, 1, 120, 0, DEFAULT_ENDING_AT);
	}

	public LibrarySpec albums(int albums) {
		return new LibrarySpec(this.seed, albums, this.likedTracks, this.likedOutsideSavedAlbums,
				this.unavailableFraction, this.unknownAvailabilityFraction, this.plays, this.playYears,
				this.minAlbumSize, this.maxAlbumSize, this.playlists, this.endingAt);
	}

	public LibrarySpec likedTracks(int likedTracks) {
		return new LibrarySpec(this.seed, this.albums, likedTracks, this.likedOutsideSavedAlbums,
				this.unavailableFraction, this.unknownAvailabilityFraction, this.plays, this.playYears,
				this.minAlbumSize, this.maxAlbumSize, this.playlists, this.endingAt);
	}

	public LibrarySpec likedOutsideSavedAlbums(double fraction) {
		return new LibrarySpec(this.seed, this.albums, this.likedTracks, fraction, this.unavailableFraction,
				this.unknownAvailabilityFraction, this.plays, this.playYears, this.minAlbumSize, this.maxAlbumSize,
				this.playlists, this.endingAt);
	}

	public LibrarySpec unavailableFraction(double fraction) {
		return new LibrarySpec(this.seed, this.albums, this.likedTracks, this.likedOutsideSavedAlbums, fraction,
				this.unknownAvailabilityFraction, this.plays, this.playYears, this.minAlbumSize, this.maxAlbumSize,
				this.playlists, this.endingAt);
	}

	public LibrarySpec unknownAvailabilityFraction(double fraction) {
		return new LibrarySpec(this.seed, this.albums, this.likedTracks, this.likedOutsideSavedAlbums,
				this.unavailableFraction, fraction, this.plays, this.playYears, this.minAlbumSize, this.maxAlbumSize,
				this.playlists, this.endingAt);
	}

	public LibrarySpec plays(int plays) {
		return new LibrarySpec(this.seed, this.albums, this.likedTracks, this.likedOutsideSavedAlbums,
				this.unavailableFraction, this.unknownAvailabilityFraction, plays, this.playYears, this.minAlbumSize,
				this.maxAlbumSize, this.playlists, this.endingAt);
	}

	public LibrarySpec playYears(int years) {
		return new LibrarySpec(this.seed, this.albums, this.likedTracks, this.likedOutsideSavedAlbums,
				this.unavailableFraction, this.unknownAvailabilityFraction, this.plays, years, this.minAlbumSize,
				this.maxAlbumSize, this.playlists, this.endingAt);
	}

	public LibrarySpec albumSizes(int min, int max) {
		return new LibrarySpec(this.seed, this.albums, this.likedTracks, this.likedOutsideSavedAlbums,
				this.unavailableFraction, this.unknownAvailabilityFraction, this.plays, this.playYears, min, max,
				this.playlists, this.endingAt);
	}

	public LibrarySpec playlists(int playlists) {
		return new LibrarySpec(this.seed, this.albums, this.likedTracks, this.likedOutsideSavedAlbums,
				this.unavailableFraction, this.unknownAvailabilityFraction, this.plays, this.playYears,
				this.minAlbumSize, this.maxAlbumSize, playlists, this.endingAt);
	}

	public LibrarySpec endingAt(Instant endingAt) {
		return new LibrarySpec(this.seed, this.albums, this.likedTracks, this.likedOutsideSavedAlbums,
				this.unavailableFraction, this.unknownAvailabilityFraction, this.plays, this.playYears,
				this.minAlbumSize, this.maxAlbumSize, this.playlists, endingAt);
	}

	private static void requireAtLeast(int min, int value, String name) {
		if (value < min) {
			throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
		}
	}

	private static void requireFraction(double value, String name) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
		}
	}

}
