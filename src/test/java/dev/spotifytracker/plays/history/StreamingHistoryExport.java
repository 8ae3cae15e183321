package dev.spotifytracker.plays.history;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a Spotify streaming-history export as Spotify would send it, the same bytes for
 * the same settings and seed, row by row straight into the file, so an export of any size
 * takes little memory to write:
 *
 * <pre>
 * StreamingHistoryExport.extended().seed(7).rows(250_000).files(17).distinctTracks(8_000)
 * 	.withOtherFiles().writeZip(dir.resolve("my_spotify_data.zip"));
 * </pre>
 *
 * Extended rows carry the personal fields Spotify includes (user name, platform, country,
 * IP address, user agent; see {@link #isPersonal}) so tests can prove they are dropped, a
 * share of short plays (skips), of private-session plays, of podcast episodes, of
 * audiobook chapters and of local files without a URI. Their end times ({@code ts}) rise
 * evenly over the span. Account-data rows are all tracks, with the same end times cut to
 * the minute. The first plays go through every track of the catalog once, so an export
 * with at least as many track rows as tracks plays each of them.
 */
public final class StreamingHistoryExport {

	/** A play shorter than this is a skip in Spotify's eyes and ours. */
	public static final int SHORT_PLAY_MS = 30_000;

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final String[] ADJECTIVES = { "Golden", "Quiet", "Electric", "Velvet", "Northern", "Paper", "Silver",
			"Broken", "Midnight", "Endless", "Hollow", "Crimson", "Distant", "Neon", "Gentle", "Wild" };

	private static final String[] NOUNS = { "Harbor", "Lights", "River", "Echo", "Garden", "Machine", "Season",
			"Signal", "Horizon", "Letters", "Tides", "Static", "Orchard", "Mirrors", "Canyon", "Summer" };

	private static final String[] FIRST_NAMES = { "Mara", "Jonas", "Ilse", "Theo", "Ada", "Ruben", "Noor", "Felix" };

	private static final String[] LAST_NAMES = { "Lind", "Okafor", "Brandt", "Sato", "Moreau", "Kowalski", "Reyes" };

	private static final String[] SHOWS = { "The Daily Loop", "Deep Space Notes", "History on Foot",
			"Kitchen Science" };

	private static final String[] AUDIOBOOKS = { "The Long Voyage", "Letters from the Coast" };

	private static final String[] REASONS_START = { "trackdone", "trackdone", "trackdone", "clickrow", "fwdbtn",
			"playbtn", "appload", "backbtn" };

	private static final String[] PLATFORMS = { "Android OS 13 API 33 (Google, Pixel 7)", "iOS 16.5 (iPhone14,2)",
			"Windows 10 (10.0.19045; x64)", "OS X 13.4.1 [arm 2]", "web_player linux ;chrome 114.0.0.0;desktop" };

	private static final String[] COUNTRIES = { "DE", "SE", "US", "GB", "NL" };

	private static final String[] USER_AGENTS = { "Spotify/8.8.44 Android/33 (Pixel 7)",
			"Spotify/8.8.40 iOS/16.5 (iPhone14,2)" };

	private static final String IP_PREFIX = "203.0.113.";

	private static final String USERNAME_PREFIX = "listener-";

	private static final LocalDateTime ZIP_ENTRY_TIME = LocalDateTime.of(2024, 1, 15, 9, 30);

	private static final DateTimeFormatter END_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private final ExportFormat format;

	private long seed = 1;

	private int rows = 1_000;

	private int files = 1;

	private int distinctTracks = 200;

	private List<Track> catalog;

	private Instant from = Instant.parse("2022-01-01T00:00:00Z");

	private Duration span = Duration.ofDays(730);

	private double shortPlayShare = 0.2;

	private double incognitoShare = 0.01;

	private double episodeShare = 0.03;

	private double audiobookShare = 0.005;

	private double noUriShare = 0.01;

	private boolean otherFiles;

	private StreamingHistoryExport(ExportFormat format) {
		this.format = format;
	}

	/** The "Extended streaming history" zip. */
	public static StreamingHistoryExport extended() {
		return new StreamingHistoryExport(ExportFormat.EXTENDED);
	}

	/** The "Account data" zip, of which only the streaming history is written. */
	public static StreamingHistoryExport accountData() {
		return new StreamingHistoryExport(ExportFormat.ACCOUNT_DATA);
	}

	/**
	 * @param value a personal value as the extended rows hold it
	 * @return whether it is one of the personal values this generator writes
	 */
	public static boolean isPersonal(String value) {
		return value != null && (value.startsWith(IP_PREFIX) || value.startsWith(USERNAME_PREFIX)
				|| List.of(PLATFORMS).contains(value) || List.of(COUNTRIES).contains(value)
				|| List.of(USER_AGENTS).contains(value));
	}

	public StreamingHistoryExport seed(long seed) {
		this.seed = seed;
		this.catalog = null;
		return this;
	}

	public StreamingHistoryExport rows(int rows) {
		this.rows = rows;
		return this;
	}

	/** How many files of history the rows are spread over, evenly and in order. */
	public StreamingHistoryExport files(int files) {
		this.files = files;
		return this;
	}

	/** How many tracks the catalog holds (made up from the seed). */
	public StreamingHistoryExport distinctTracks(int distinctTracks) {
		this.distinctTracks = distinctTracks;
		this.catalog = null;
		return this;
	}

	/** Plays these tracks instead of made-up ones (the simulator's catalog, say). */
	public StreamingHistoryExport tracks(List<Track> tracks) {
		this.catalog = List.copyOf(tracks);
		this.distinctTracks = tracks.size();
		return this;
	}

	/** The end times rise evenly from {@code from} to {@code from + span}. */
	public StreamingHistoryExport between(Instant from, Duration span) {
		this.from = from;
		this.span = span;
		return this;
	}

	/** The share of track rows played for less than 30 s and skipped. */
	public StreamingHistoryExport shortPlayShare(double share) {
		this.shortPlayShare = share;
		return this;
	}

	public StreamingHistoryExport incognitoShare(double share) {
		this.incognitoShare = share;
		return this;
	}

	public StreamingHistoryExport episodeShare(double share) {
		this.episodeShare = share;
		return this;
	}

	public StreamingHistoryExport audiobookShare(double share) {
		this.audiobookShare = share;
		return this;
	}

	/** The share of local files: names but no URI. */
	public StreamingHistoryExport noUriShare(double share) {
		this.noUriShare = share;
		return this;
	}

	/**
	 * Adds the files Spotify puts beside the history: for the extended export its video
	 * history and ReadMeFirst PDF, for account data its podcast history and user data.
	 */
	public StreamingHistoryExport withOtherFiles() {
		this.otherFiles = true;
		return this;
	}

	/**
	 * @return the tracks the rows are drawn from, in the order the first plays go through
	 * them
	 */
	public List<Track> tracks() {
		if (this.catalog == null) {
			this.catalog = makeCatalog();
		}
		return this.catalog;
	}

	/** Writes the zip, its files of history in the folder Spotify uses. */
	public Written writeZip(Path file) {
		List<String> historyFiles = new ArrayList<>();
		List<String> others = new ArrayList<>();
		Tally tally = new Tally();
		Rows generator = new Rows();
		try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 65_536),
				StandardCharsets.UTF_8)) {
			zip.setLevel(Deflater.BEST_SPEED);
			for (int member = 0; member < this.files; member++) {
				int first = (int) ((long) this.rows * member / this.files);
				int end = (int) ((long) this.rows * (member + 1) / this.files);
				String name = folder() + memberName(member, first, end);
				historyFiles.add(name);
				entry(zip, name);
				writeRows(zip, generator, first, end, tally);
				zip.closeEntry();
			}
			if (this.otherFiles) {
				for (Map.Entry<String, byte[]> other : otherFiles().entrySet()) {
					others.add(other.getKey());
					entry(zip, other.getKey());
					zip.write(other.getValue());
					zip.closeEntry();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tally.written(file, historyFiles, others, this.rows);
	}

	/** Writes every row into one loose JSON file, as if taken out of the zip. */
	public Written writeJson(Path file) {
		Tally tally = new Tally();
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 65_536)) {
			writeRows(out, new Rows(), 0, this.rows, tally);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tally.written(file, List.of(String.valueOf(file.getFileName())), List.of(), this.rows);
	}

	private void writeRows(OutputStream out, Rows generator, int first, int end, Tally tally) {
		try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
			json.writeStartArray();
			for (int i = first; i < end; i++) {
				generator.write(json, i, tally);
			}
			json.writeEndArray();
		}
	}

	private static void entry(ZipOutputStream zip, String name) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTimeLocal(ZIP_ENTRY_TIME);
		zip.putNextEntry(entry);
	}

	private String folder() {
		return (this.format == ExportFormat.EXTENDED) ? "Spotify Extended Streaming History/" : "Spotify Account Data/";
	}

	/** Spotify names extended files by the years they cover and a counter. */
	private String memberName(int member, int first, int end) {
		if (this.format == ExportFormat.ACCOUNT_DATA) {
			return "StreamingHistory_music_" + member + ".json";
		}
		int firstYear = year(endTime(first));
		int lastYear = year(endTime(Math.max(first, end - 1)));
		String years = (firstYear == lastYear) ? String.valueOf(firstYear) : firstYear + "-" + lastYear;
		return "Streaming_History_Audio_" + years + "_" + member + ".json";
	}

	private static int year(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC).getYear();
	}

	private Instant endTime(int row) {
		long seconds = this.span.getSeconds() * (row + 1L) / Math.max(1, this.rows);
		return this.from.plusSeconds(seconds);
	}

	private Map<String, byte[]> otherFiles() {
		Map<String, byte[]> others = new java.util.LinkedHashMap<>();
		if (this.format == ExportFormat.EXTENDED) {
			int firstYear = year(this.from);
			int lastYear = year(this.from.plus(this.span));
			HistoryRow video = HistoryRow.extendedRow().track(null, null, null, null);
			others.put(folder() + "Streaming_History_Video_" + firstYear + "-" + lastYear + ".json",
					HistoryFiles.json(video, video).getBytes(StandardCharsets.UTF_8));
			others.put(folder() + "ReadMeFirst_ExtendedStreamingHistory.pdf",
					"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		}
		else {
			HistoryRow podcast = HistoryRow.accountDataRow()
				.with("artistName", SHOWS[0])
				.with("trackName", "Episode 1");
			others.put(folder() + "StreamingHistory_podcast_0.json",
					HistoryFiles.json(podcast).getBytes(StandardCharsets.UTF_8));
			others.put(folder() + "Userdata.json", ("{\"username\":\"" + USERNAME_PREFIX + "x\",\"country\":\"DE\"}")
				.getBytes(StandardCharsets.UTF_8));
			others.put(folder() + "Read_Me_First.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		}
		return others;
	}

	private List<Track> makeCatalog() {
		SplittableRandom random = new SplittableRandom(this.seed * 31 + 17);
		Set<String> ids = new HashSet<>();
		int artists = Math.max(1, this.distinctTracks / 12);
		List<Track> tracks = new ArrayList<>(this.distinctTracks);
		for (int i = 0; i < this.distinctTracks; i++) {
			String id;
			do {
				id = base62(random);
			}
			while (!ids.add(id));
			int artist = random.nextInt(artists);
			String artistName = FIRST_NAMES[artist % FIRST_NAMES.length] + " "
					+ LAST_NAMES[(artist / FIRST_NAMES.length) % LAST_NAMES.length]
					+ ((artist >= FIRST_NAMES.length * LAST_NAMES.length) ? " " + (artist + 1) : "");
			String album = words(random) + " (" + artistName.charAt(0) + (artist + 1) + ")";
			tracks
				.add(new Track(id, words(random) + " " + (i + 1), artistName, album, 90_000 + random.nextInt(330_000)));
		}
		return Collections.unmodifiableList(tracks);
	}

	private static String words(SplittableRandom random) {
		return ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
	}

	private static String base62(SplittableRandom random) {
		char[] id = new char[22];
		for (int i = 0; i < id.length; i++) {
			id[i] = BASE62.charAt(random.nextInt(BASE62.length()));
		}
		return new String(id);
	}

	/**
	 * A track the export plays.
	 *
	 * @param id its Spotify id (22 characters)
	 * @param name its name
	 * @param artist its album artist
	 * @param album its album's name
	 * @param durationMs its length
	 */
	public record Track(String id, String name, String artist, String album, int durationMs) {

	}

	/**
	 * What was written, to check a read against.
	 *
	 * @param file the file written
	 * @param historyFiles the names of its files of history, in order
	 * @param otherFiles the names of the other files
	 * @param rows the rows written
	 * @param kinds the rows of each kind
	 * @param shortTrackRows the track rows played for less than 30 s
	 * @param incognitoRows the rows played in a private session
	 * @param countedPlays the track rows that count as plays: not in a private session,
	 * played for 30 s or more
	 * @param tracksPlayed the distinct tracks of the track rows
	 * @param firstPlayedAt the first row's end time
	 * @param lastPlayedAt the last row's end time
	 */
	public record Written(Path file, List<String> historyFiles, List<String> otherFiles, int rows,
			Map<RowKind, Integer> kinds, int shortTrackRows, int incognitoRows, int countedPlays, int tracksPlayed,
			Instant firstPlayedAt, Instant lastPlayedAt) {

	}

	/** Counts what was written, as it is written. */
	private final class Tally {

		private final Map<RowKind, Integer> kinds = new EnumMap<>(RowKind.class);

		private final Set<String> tracks = new HashSet<>();

		private int shortTrackRows;

		private int incognitoRows;

		private int countedPlays;

		void row(RowKind kind, Track track, long msPlayed, boolean incognito) {
			this.kinds.merge(kind, 1, Integer::sum);
			this.incognitoRows += incognito ? 1 : 0;
			if (track != null) {
				this.tracks.add(track.id());
				boolean isShort = msPlayed < SHORT_PLAY_MS;
				this.shortTrackRows += isShort ? 1 : 0;
				this.countedPlays += (kind == RowKind.TRACK && !isShort && !incognito) ? 1 : 0;
			}
		}

		Written written(Path file, List<String> historyFiles, List<String> others, int rows) {
			Instant first = (rows > 0) ? endTime(0) : null;
			Instant last = (rows > 0) ? endTime(rows - 1) : null;
			return new Written(file, List.copyOf(historyFiles), List.copyOf(others), rows, Map.copyOf(this.kinds),
					this.shortTrackRows, this.incognitoRows, this.countedPlays, this.tracks.size(), first, last);
		}

	}

	/**
	 * Makes row after row from one random sequence, so the rows do not depend on how they
	 * are spread over files.
	 */
	private final class Rows {

		private final SplittableRandom random = new SplittableRandom(StreamingHistoryExport.this.seed);

		private final List<Track> tracks = tracks();

		private final String username = USERNAME_PREFIX + Long.toHexString(StreamingHistoryExport.this.seed);

		private int trackRows;

		void write(JsonGenerator json, int index, Tally tally) {
			Instant playedAt = endTime(index);
			RowKind kind = kind();
			Track track = (kind == RowKind.TRACK || kind == RowKind.NAMED) ? nextTrack() : null;
			boolean isShort = track != null && this.random.nextDouble() < StreamingHistoryExport.this.shortPlayShare;
			long msPlayed = msPlayed(track, isShort);
			boolean incognito = kind != RowKind.NAMED
					&& this.random.nextDouble() < StreamingHistoryExport.this.incognitoShare;
			tally.row(kind, track, msPlayed, incognito);
			if (kind == RowKind.NAMED) {
				json.writeStartObject();
				json.writeStringProperty("endTime", END_TIME.format(playedAt));
				json.writeStringProperty("artistName", track.artist());
				json.writeStringProperty("trackName", track.name());
				json.writeNumberProperty("msPlayed", msPlayed);
				json.writeEndObject();
				return;
			}
			json.writeStartObject();
			json.writeStringProperty("ts", playedAt.toString());
			json.writeStringProperty("username", this.username);
			json.writeStringProperty("platform", pick(PLATFORMS));
			json.writeNumberProperty("ms_played", msPlayed);
			json.writeStringProperty("conn_country", pick(COUNTRIES));
			json.writeStringProperty("ip_addr", IP_PREFIX + (1 + this.random.nextInt(254)));
			json.writeStringProperty("user_agent_decrypted", pick(USER_AGENTS));
			writeNames(json, kind, track, index);
			json.writeStringProperty("reason_start", pick(REASONS_START));
			json.writeStringProperty("reason_end", isShort ? "fwdbtn" : "trackdone");
			json.writeBooleanProperty("shuffle", this.random.nextDouble() < 0.4);
			if (this.random.nextDouble() < 0.1) {
				json.writeNullProperty("skipped");
			}
			else {
				json.writeBooleanProperty("skipped", isShort);
			}
			boolean offline = this.random.nextDouble() < 0.03;
			json.writeBooleanProperty("offline", offline);
			long offlineAt = playedAt.minusMillis(msPlayed).toEpochMilli();
			json.writeNumberProperty("offline_timestamp", offline ? offlineAt : offlineAt / 1000);
			json.writeBooleanProperty("incognito_mode", incognito);
			json.writeEndObject();
		}

		private void writeNames(JsonGenerator json, RowKind kind, Track track, int index) {
			boolean localFile = kind == RowKind.NO_URI;
			json.writeStringProperty("master_metadata_track_name",
					(track != null) ? track.name() : localFile ? "Demo Tape " + (index % 7 + 1) : null);
			json.writeStringProperty("master_metadata_album_artist_name",
					(track != null) ? track.artist() : localFile ? "Garage Band" : null);
			json.writeStringProperty("master_metadata_album_album_name",
					(track != null) ? track.album() : localFile ? "Basement Sessions" : null);
			json.writeStringProperty("spotify_track_uri", (track != null) ? "spotify:track:" + track.id() : null);
			boolean episode = kind == RowKind.EPISODE;
			json.writeStringProperty("episode_name", episode ? "Episode " + (index % 300 + 1) : null);
			json.writeStringProperty("episode_show_name", episode ? SHOWS[index % SHOWS.length] : null);
			json.writeStringProperty("spotify_episode_uri", episode ? "spotify:episode:" + base62(this.random) : null);
			boolean audiobook = kind == RowKind.AUDIOBOOK;
			json.writeStringProperty("audiobook_title", audiobook ? AUDIOBOOKS[index % AUDIOBOOKS.length] : null);
			json.writeStringProperty("audiobook_uri", audiobook ? "spotify:show:" + base62(this.random) : null);
			json.writeStringProperty("audiobook_chapter_uri",
					audiobook ? "spotify:episode:" + base62(this.random) : null);
			json.writeStringProperty("audiobook_chapter_title", audiobook ? "Chapter " + (index % 40 + 1) : null);
		}

		private RowKind kind() {
			if (StreamingHistoryExport.this.format == ExportFormat.ACCOUNT_DATA) {
				return RowKind.NAMED;
			}
			double draw = this.random.nextDouble();
			double episodes = StreamingHistoryExport.this.episodeShare;
			double audiobooks = episodes + StreamingHistoryExport.this.audiobookShare;
			double local = audiobooks + StreamingHistoryExport.this.noUriShare;
			return (draw < episodes) ? RowKind.EPISODE
					: (draw < audiobooks) ? RowKind.AUDIOBOOK : (draw < local) ? RowKind.NO_URI : RowKind.TRACK;
		}

		/** Every track once in catalog order, then the first ones far more often. */
		private Track nextTrack() {
			int n = this.tracks.size();
			int pick = (this.trackRows < n) ? this.trackRows : (int) (n * Math.pow(this.random.nextDouble(), 2));
			this.trackRows++;
			return this.tracks.get(pick);
		}

		private long msPlayed(Track track, boolean isShort) {
			if (track == null) {
				return 60_000 + this.random.nextInt(1_800_000);
			}
			if (isShort) {
				return 500 + this.random.nextInt(SHORT_PLAY_MS - 500);
			}
			// most plays run to the end; some stop part-way, after the 30 s a play needs
			return (this.random.nextDouble() < 0.85) ? track.durationMs()
					: SHORT_PLAY_MS + this.random.nextInt(Math.max(1, track.durationMs() - SHORT_PLAY_MS));
		}

		private String pick(String[] values) {
			return values[this.random.nextInt(values.length)];
		}

	}

}
