package dev.spotifytracker.spotify.fake;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes a realistic library from a {@link LibrarySpec}: albums of 1 to 120 tracks (big
 * ones on several discs), liked tracks inside and outside the saved albums, some tracks
 * unplayable or of unknown availability, and plays that favour some tracks and never
 * touch others. Ids derive from the seed and each item's position, everything else from
 * one seeded random sequence, so the same spec gives the same library. Albums go into the
 * catalog; the library itself is returned for the user to take.
 */
final class LibraryGenerator {

	// saved albums keep some tracks that are not liked, or "liked" would mean "saved"
	private static final double MAX_LIKED_SHARE_OF_SAVED_TRACKS = 0.8;

	private static final int TRACKS_PER_DISC = 30;

	private final Catalog catalog;

	LibraryGenerator(Catalog catalog) {
		this.catalog = catalog;
	}

	GeneratedLibrary generate(LibrarySpec spec, String ownerId) {
		Run run = new Run(spec);
		List<SimAlbum> saved = new ArrayList<>(spec.albums());
		int[] sizes = albumSizes(spec, run.random);
		for (int index = 0; index < spec.albums(); index++) {
			saved.add(this.catalog.register(run.album(SimIds.ALBUM, SimIds.TRACK, index, sizes[index])));
		}
		List<SimTrack> savedTracks = saved.stream().flatMap((album) -> album.tracks().stream()).toList();

		int inside = (int) Math.min(Math.round(spec.likedTracks() * (1 - spec.likedOutsideSavedAlbums())),
				(long) (savedTracks.size() * MAX_LIKED_SHARE_OF_SAVED_TRACKS));
		List<SimTrack> liked = new ArrayList<>(sample(savedTracks, inside, run.random));
		List<SimTrack> likedOutside = new ArrayList<>();
		List<SimTrack> catalogOnly = new ArrayList<>();
		for (int index = 0; likedOutside.size() < spec.likedTracks() - inside; index++) {
			SimAlbum album = this.catalog
				.register(run.album(SimIds.UNSAVED_ALBUM, SimIds.UNSAVED_TRACK, index, 4 + run.random.nextInt(11)));
			int before = likedOutside.size();
			for (SimTrack track : album.tracks()) {
				boolean wanted = likedOutside.size() < spec.likedTracks() - inside && (run.random.nextInt(5) < 2
						|| (likedOutside.size() == before && track == album.tracks().get(album.tracks().size() - 1)));
				(wanted ? likedOutside : catalogOnly).add(track);
			}
		}
		liked.addAll(likedOutside);
		shuffle(liked, run.random);

		List<SimTrack> libraryTracks = new ArrayList<>(savedTracks);
		libraryTracks.addAll(likedOutside);
		Map<String, SimAvailability> availability = availability(spec, libraryTracks, run.random);
		List<GeneratedLibrary.Playlist> playlists = playlists(spec, ownerId, libraryTracks, run);
		return new GeneratedLibrary(savedAlbums(spec, saved, run.random), likedTracks(spec, liked, run.random),
				plays(spec, libraryTracks, catalogOnly, playlists, run.random), availability, playlists);
	}

	private static int[] albumSizes(LibrarySpec spec, SplittableRandom random) {
		int[] sizes = new int[spec.albums()];
		for (int i = 0; i < sizes.length; i++) {
			int draw = random.nextInt(1000);
			int size;
			if (draw < 120) {
				size = 1 + random.nextInt(4);
			}
			else if (draw < 900) {
				size = 8 + random.nextInt(11);
			}
			else if (draw < 985) {
				size = 19 + random.nextInt(27);
			}
			else {
				size = 46 + random.nextInt(75);
			}
			sizes[i] = clamp(size, spec.minAlbumSize(), spec.maxAlbumSize());
		}
		if (sizes.length >= 3) {
			// the cases a client gets wrong most: a second page of tracks, and a third
			int huge = random.nextInt(sizes.length);
			int big = (huge + 1 + random.nextInt(sizes.length - 1)) % sizes.length;
			if (spec.maxAlbumSize() > 100) {
				sizes[huge] = spec.maxAlbumSize();
			}
			if (spec.maxAlbumSize() > 50) {
				sizes[big] = clamp(51 + random.nextInt(50), spec.minAlbumSize(), Math.min(100, spec.maxAlbumSize()));
			}
		}
		return sizes;
	}

	private static List<SimSavedAlbum> savedAlbums(LibrarySpec spec, List<SimAlbum> albums, SplittableRandom random) {
		long[] ages = ascendingOffsets(random, albums.size(), spanSeconds(spec));
		List<SimSavedAlbum> saved = new ArrayList<>(albums.size());
		for (int i = 0; i < albums.size(); i++) {
			saved.add(new SimSavedAlbum(spec.endingAt().minusSeconds(ages[i]), albums.get(i)));
		}
		return saved;
	}

	private static List<SimLikedTrack> likedTracks(LibrarySpec spec, List<SimTrack> tracks, SplittableRandom random) {
		long[] ages = ascendingOffsets(random, tracks.size(), spanSeconds(spec));
		List<SimLikedTrack> liked = new ArrayList<>(tracks.size());
		for (int i = 0; i < tracks.size(); i++) {
			liked.add(new SimLikedTrack(spec.endingAt().minusSeconds(ages[i]), tracks.get(i)));
		}
		return liked;
	}

	private static Map<String, SimAvailability> availability(LibrarySpec spec, List<SimTrack> tracks,
			SplittableRandom random) {
		Map<String, SimAvailability> availability = new HashMap<>();
		int unavailable = 0;
		int unknown = 0;
		for (SimTrack track : tracks) {
			double draw = random.nextDouble();
			if (draw < spec.unavailableFraction()) {
				availability.put(track.id(), SimAvailability.unavailable(reason(track, random)));
				unavailable++;
			}
			else if (draw < spec.unavailableFraction() + spec.unknownAvailabilityFraction()) {
				availability.put(track.id(), SimAvailability.UNKNOWN);
				unknown++;
			}
		}
		// a small library still shows each case when its fraction asks for any
		if (unavailable == 0 && spec.unavailableFraction() > 0 && !tracks.isEmpty()) {
			SimTrack track = tracks.get(random.nextInt(tracks.size()));
			availability.put(track.id(), SimAvailability.unavailable(reason(track, random)));
		}
		if (unknown == 0 && spec.unknownAvailabilityFraction() > 0 && tracks.size() > 1) {
			for (SimTrack track : tracks) {
				if (!availability.containsKey(track.id())) {
					availability.put(track.id(), SimAvailability.UNKNOWN);
					break;
				}
			}
		}
		return availability;
	}

	private static String reason(SimTrack track, SplittableRandom random) {
		if (track.explicit() && random.nextInt(3) == 0) {
			return "explicit";
		}
		return (random.nextInt(4) == 0) ? "product" : "market";
	}

	private static List<GeneratedLibrary.Playlist> playlists(LibrarySpec spec, String ownerId,
			List<SimTrack> libraryTracks, Run run) {
		List<GeneratedLibrary.Playlist> playlists = new ArrayList<>();
		for (int index = 0; index < spec.playlists() && !libraryTracks.isEmpty(); index++) {
			int size = Math.min(libraryTracks.size(), 10 + run.random.nextInt(51));
			List<SimTrack> tracks = new ArrayList<>(sample(libraryTracks, size, run.random));
			shuffle(tracks, run.random);
			// the owner is part of the id: two users may share a seed, never a playlist
			playlists
				.add(new GeneratedLibrary.Playlist(SimIds.derive(ownerId + "/" + spec.seed(), SimIds.PLAYLIST, index),
						run.names.playlist(), tracks.stream().map(SimTrack::uri).toList()));
		}
		return playlists;
	}

	private static List<SimPlay> plays(LibrarySpec spec, List<SimTrack> libraryTracks, List<SimTrack> catalogOnly,
			List<GeneratedLibrary.Playlist> playlists, SplittableRandom random) {
		if (spec.plays() == 0 || libraryTracks.isEmpty()) {
			return List.of();
		}
		// a third of the library gets most plays; much of the rest is never played
		List<SimTrack> favourites = sample(libraryTracks, Math.max(1, libraryTracks.size() * 3 / 10), random);
		long[] ages = ascendingOffsets(random, spec.plays(), spanSeconds(spec) * 1000);
		List<SimPlay> plays = new ArrayList<>(spec.plays());
		for (int i = 0; i < spec.plays(); i++) {
			int draw = random.nextInt(100);
			List<SimTrack> pool = (draw < 70) ? favourites
					: (draw < 95 || catalogOnly.isEmpty()) ? libraryTracks : catalogOnly;
			SimTrack track = pool.get(random.nextInt(pool.size()));
			plays.add(new SimPlay(spec.endingAt().minusMillis(ages[i]), track, context(track, playlists, random)));
		}
		return plays;
	}

	private static String context(SimTrack track, List<GeneratedLibrary.Playlist> playlists, SplittableRandom random) {
		int draw = random.nextInt(100);
		if (draw < 45) {
			return track.album().uri();
		}
		if (draw < 55) {
			return track.artists().get(0).uri();
		}
		if (draw < 65 && !playlists.isEmpty()) {
			return "spotify:playlist:" + playlists.get(random.nextInt(playlists.size())).id();
		}
		return null;
	}

	/** Knuth's selection sampling: {@code count} of {@code items} in their order. */
	private static List<SimTrack> sample(List<SimTrack> items, int count, SplittableRandom random) {
		List<SimTrack> chosen = new ArrayList<>(count);
		int needed = count;
		int left = items.size();
		for (SimTrack item : items) {
			if (needed > 0 && random.nextInt(left) < needed) {
				chosen.add(item);
				needed--;
			}
			left--;
		}
		return chosen;
	}

	private static void shuffle(List<SimTrack> items, SplittableRandom random) {
		for (int i = items.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			items.set(i, items.set(j, items.get(i)));
		}
	}

	/** Distinct ages, youngest first, so the entries they date are newest first. */
	private static long[] ascendingOffsets(SplittableRandom random, int count, long span) {
		long[] offsets = new long[count];
		for (int i = 0; i < count; i++) {
			offsets[i] = random.nextLong(span);
		}
		Arrays.sort(offsets);
		for (int i = 1; i < count; i++) {
			if (offsets[i] <= offsets[i - 1]) {
				offsets[i] = offsets[i - 1] + 1;
			}
		}
		return offsets;
	}

	private static long spanSeconds(LibrarySpec spec) {
		return spec.playYears() * 365L * 86_400L;
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}

	/** The state of one generation: its random sequence, names, artists and ISRCs. */
	private static final class Run {

		private final LibrarySpec spec;

		private final SplittableRandom random;

		private final Names names;

		private final List<SimArtist> artists = new ArrayList<>();

		private final String isrcPrefix;

		private final int[] isrcSerials = new int[100];

		private final int lastYear;

		Run(LibrarySpec spec) {
			this.spec = spec;
			this.random = new SplittableRandom(spec.seed());
			this.names = new Names(this.random);
			int artistCount = 5 + spec.albums() / 4;
			for (int index = 0; index < artistCount; index++) {
				this.artists.add(new SimArtist(SimIds.derive(spec.seed(), SimIds.ARTIST, index), this.names.artist()));
			}
			String registrant = Long
				.toString(Math.floorMod(SimIds.derive(spec.seed(), SimIds.ARTIST, -1).hashCode(), 36 * 36 * 36), 36);
			this.isrcPrefix = "QZ" + "000".substring(registrant.length()) + registrant.toUpperCase();
			this.lastYear = spec.endingAt().atZone(ZoneOffset.UTC).getYear();
		}

		/**
		 * Always draws the same numbers for the same album, whether or not the catalog
		 * holds it already, so what follows stays the same.
		 */
		SimAlbum album(long albumKind, long trackKind, int index, int size) {
			List<SimArtist> albumArtists = new ArrayList<>();
			albumArtists.add(pickArtist());
			if (this.random.nextInt(10) == 0) {
				albumArtists.add(pickArtist());
			}
			String type;
			if (size <= 3) {
				type = "single";
			}
			else if (size > 40 && this.random.nextInt(2) == 0) {
				type = "compilation";
			}
			else {
				type = "album";
			}
			int year = 1960 + this.random.nextInt(this.lastYear - 1960 + 1);
			String releaseDate = releaseDate(year);
			SimAlbum album = new SimAlbum(SimIds.derive(this.spec.seed(), albumKind, index), this.names.album(), type,
					releaseDate, albumArtists);
			int discs = (size + TRACKS_PER_DISC - 1) / TRACKS_PER_DISC;
			int perDisc = (size + discs - 1) / discs;
			List<SimTrack> tracks = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				List<SimArtist> trackArtists = type.equals("compilation") ? List.of(pickArtist()) : albumArtists;
				tracks.add(new SimTrack(SimIds.derive(this.spec.seed(), trackKind, index * 1000L + i),
						this.names.track(), album, i / perDisc + 1, i % perDisc + 1,
						90_000 + this.random.nextInt(330_000), this.random.nextInt(7) == 0, isrc(year), trackArtists));
			}
			album.attachTracks(tracks);
			return album;
		}

		private String releaseDate(int year) {
			int precision = this.random.nextInt(100);
			int month = 1 + this.random.nextInt(12);
			int day = 1 + this.random.nextInt(28);
			if (precision < 85) {
				return String.format("%04d-%02d-%02d", year, month, day);
			}
			return (precision < 95) ? Integer.toString(year) : String.format("%04d-%02d", year, month);
		}

		private String isrc(int year) {
			// a benchmark library has 95,000 tracks: String.format would be its slowest
			// part
			int serial = this.isrcSerials[year % 100]++ % 100_000;
			String digits = Integer.toString(10_000_000 + (year % 100) * 100_000 + serial);
			return this.isrcPrefix + digits.substring(1);
		}

		private SimArtist pickArtist() {
			return this.artists.get(this.random.nextInt(this.artists.size()));
		}

	}

}
