package dev.spotifytracker.plays.history;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a large generated export and reads it back, in a JVM of its own whose heap
 * {@link LargeExportTest} keeps small: an export that had to fit in memory, while
 * written, counted or read, would stop it with an OutOfMemoryError. Prints one line of
 * figures for what was written and one for what was read, for the test to compare.
 */
public final class LargeExportCheck {

	private LargeExportCheck() {
	}

	/**
	 * @param args the folder to write in, the rows, the files and the distinct tracks
	 */
	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int rows = Integer.parseInt(args[1]);
		int files = Integer.parseInt(args[2]);
		int tracks = Integer.parseInt(args[3]);

		long started = System.nanoTime();
		StreamingHistoryExport.Written written = StreamingHistoryExport.extended()
			.seed(2024)
			.rows(rows)
			.files(files)
			.distinctTracks(tracks)
			.withOtherFiles()
			.writeZip(dir.resolve("my_spotify_data.zip"));
		long wroteNanos = System.nanoTime() - started;
		System.out.printf("written rows=%d files=%d tracks=%d counted=%d kinds=%s%n", written.rows(),
				written.historyFiles().size(), written.tracksPlayed(), written.countedPlays(),
				new EnumMap<>(written.kinds()));

		StreamingHistoryReader reader = new StreamingHistoryReader();
		started = System.nanoTime();
		long total = reader.countRows(written.file());
		long countNanos = System.nanoTime() - started;

		Tally tally = new Tally();
		started = System.nanoTime();
		ExportSummary summary = reader.read(written.file(), "my_spotify_data.zip", tally::add);
		long readNanos = System.nanoTime() - started;
		System.out.printf("read rows=%d files=%d tracks=%d counted=%d kinds=%s bad=%d broken=%d total=%d%n",
				summary.rows(), summary.members().size(), tally.tracks.size(), tally.counted, tally.kinds,
				summary.badRows(), summary.brokenMembers().size(), total);

		System.out.printf(
				"figures: %,d rows, zip %,d bytes; wrote in %,d ms, counted in %,d ms, read in %,d ms "
						+ "(%,.0f rows/s); peak heap %,d MB of %,d MB%n",
				rows, Files.size(written.file()), wroteNanos / 1_000_000, countNanos / 1_000_000, readNanos / 1_000_000,
				rows / (readNanos / 1e9), peakHeap() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getPeakUsage)
			.mapToLong((usage) -> usage.getUsed())
			.sum();
	}

	/** Keeps figures of the rows, never the rows. */
	private static final class Tally {

		private final Map<RowKind, Integer> kinds = new EnumMap<>(RowKind.class);

		private final Set<String> tracks = new HashSet<>();

		private int counted;

		void add(ExportRow row) {
			this.kinds.merge(row.kind(), 1, Integer::sum);
			if (row.kind() == RowKind.TRACK) {
				this.tracks.add(row.trackId());
				this.counted += (!Boolean.TRUE.equals(row.incognito())
						&& row.msPlayed() >= StreamingHistoryExport.SHORT_PLAY_MS) ? 1 : 0;
			}
		}

	}

}
