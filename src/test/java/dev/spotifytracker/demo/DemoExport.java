package dev.spotifytracker.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.spotifytracker.spotify.fake.SimPlay;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The demo listener's plays as Spotify's "Extended streaming history" zip: one
 * {@code Streaming_History_Audio_<year>.json} per year, each row a whole listen of the
 * track ({@code ms_played} is its length, ended by {@code trackdone}), oldest first, as
 * Spotify sends them. Written row by row, so it takes little memory.
 */
final class DemoExport {

	static final String FILE_NAME = "my_spotify_data.zip";

	private static final String FOLDER = "Spotify Extended Streaming History/";

	private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private DemoExport() {
	}

	/**
	 * Writes the zip to {@code file} (through a temporary file beside it, so a demo
	 * stopped halfway leaves no broken zip behind).
	 * @return how many rows it holds
	 */
	static int write(List<SimPlay> plays, Path file) {
		Map<Integer, List<SimPlay>> byYear = new TreeMap<>();
		plays.stream()
			.sorted(Comparator.comparing(SimPlay::playedAt))
			.forEach((play) -> byYear
				.computeIfAbsent(play.playedAt().atZone(ZoneOffset.UTC).getYear(),
						(year) -> new java.util.ArrayList<>())
				.add(play));
		Path partial = file.resolveSibling(file.getFileName() + ".part");
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (ZipOutputStream zip = new ZipOutputStream(
					new BufferedOutputStream(Files.newOutputStream(partial), 65_536), StandardCharsets.UTF_8)) {
				zip.setLevel(Deflater.BEST_SPEED);
				int index = 0;
				for (Map.Entry<Integer, List<SimPlay>> year : byYear.entrySet()) {
					zip.putNextEntry(new ZipEntry(
							FOLDER + "Streaming_History_Audio_" + year.getKey() + "_" + index++ + ".json"));
					writeRows(zip, year.getValue());
					zip.closeEntry();
				}
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the demo's export to " + file, ex);
		}
		return plays.size();
	}

	private static void writeRows(ZipOutputStream zip, List<SimPlay> plays) {
		try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), zip)) {
			json.writeStartArray();
			for (SimPlay play : plays) {
				json.writeStartObject();
				json.writeStringProperty("ts", play.playedAt().truncatedTo(ChronoUnit.SECONDS).toString());
				json.writeNumberProperty("ms_played", play.track().durationMs());
				json.writeStringProperty("master_metadata_track_name", play.track().name());
				json.writeStringProperty("master_metadata_album_artist_name",
						play.track().album().artists().get(0).name());
				json.writeStringProperty("master_metadata_album_album_name", play.track().album().name());
				json.writeStringProperty("spotify_track_uri", "spotify:track:" + play.track().id());
				json.writeNullProperty("episode_name");
				json.writeNullProperty("episode_show_name");
				json.writeNullProperty("spotify_episode_uri");
				json.writeStringProperty("reason_start", "trackdone");
				json.writeStringProperty("reason_end", "trackdone");
				json.writeBooleanProperty("shuffle", false);
				json.writeBooleanProperty("skipped", false);
				json.writeBooleanProperty("offline", false);
				json.writeNumberProperty("offline_timestamp", play.playedAt().getEpochSecond());
				json.writeBooleanProperty("incognito_mode", false);
				json.writeEndObject();
			}
			json.writeEndArray();
		}
	}

}
