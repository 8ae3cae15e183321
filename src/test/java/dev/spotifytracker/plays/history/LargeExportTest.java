package dev.spotifytracker.plays.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full-size export (250,000 rows in 17 files, 8,000 tracks) is written, counted and
 * read in a JVM whose heap is far smaller than the export: anything that held the rows or
 * a whole file would end it with an OutOfMemoryError. Only what was read is asserted; the
 * figures (time, rows per second, peak heap) are printed.
 */
class LargeExportTest {

	private static final String HEAP = "-Xmx32m";

	@TempDir
	Path dir;

	@Test
	void aFullSizeExportIsReadCompletelyInASmallHeap() throws IOException, InterruptedException {
		// given / when
		List<String> output = runCheck("250000", "17", "8000");

		// then
		String written = line(output, "written ");
		assertThat(written).startsWith("rows=250000 files=17 tracks=8000 counted=");
		assertThat(line(output, "read ")).isEqualTo(written + " bad=0 broken=0 total=250000");
		System.out.println("Reading a generated export under " + HEAP + ": " + line(output, "figures: "));
	}

	private List<String> runCheck(String... arguments) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new java.util.ArrayList<>(List.of(java, HEAP, "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), LargeExportCheck.class.getName(), this.dir.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		return output.lines().toList();
	}

	private static String line(List<String> output, String prefix) {
		return output.stream()
			.filter((line) -> line.startsWith(prefix))
			.map((line) -> line.substring(prefix.length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No line starting with '" + prefix + "' in " + output));
	}

}
