package dev.spotifytracker.plays;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.spotifytracker.support.LibraryFixture.id;

/**
 * Hand-made export files for the import tests: extended rows of named tracks (ids as
 * {@code LibraryFixture.id} makes them), written as Spotify writes them, personal fields
 * included.
 */
final class ExportFiles {

	private final List<String> rows = new ArrayList<>();

	static ExportFiles rows() {
		return new ExportFiles();
	}

	/** A track streamed for {@code ms}, ending at {@code ts}. */
	ExportFiles play(String track, Instant ts, long ms) {
		return row(ts, ms, "\"spotify:track:" + id(track) + "\"", track, false);
	}

	ExportFiles incognito(String track, Instant ts, long ms) {
		return row(ts, ms, "\"spotify:track:" + id(track) + "\"", track, true);
	}

	/**
	 * {@code count} plays of the tracks in turn, a play every 4 minutes from
	 * {@code from}.
	 */
	ExportFiles plays(int count, Instant from, String... tracks) {
		for (int i = 0; i < count; i++) {
			play(tracks[i % tracks.length], from.plusSeconds(240L * i), 200_000);
		}
		return this;
	}

	ExportFiles episode(Instant ts, long ms) {
		this.rows.add(("{\"ts\":\"%s\",\"username\":\"someone\",\"platform\":\"android\",\"ms_played\":%d,"
				+ "\"conn_country\":\"DE\",\"ip_addr\":\"203.0.113.9\",\"master_metadata_track_name\":null,"
				+ "\"master_metadata_album_artist_name\":null,\"master_metadata_album_album_name\":null,"
				+ "\"spotify_track_uri\":null,\"episode_name\":\"Episode 1\",\"episode_show_name\":\"The Show\","
				+ "\"spotify_episode_uri\":\"spotify:episode:4rOoJ6Egrf8K2IrywzwOMk\",\"reason_start\":\"clickrow\","
				+ "\"reason_end\":\"trackdone\",\"shuffle\":false,\"skipped\":false,\"offline\":false,"
				+ "\"offline_timestamp\":null,\"incognito_mode\":false}")
			.formatted(ts, ms));
		return this;
	}

	private ExportFiles row(Instant ts, long ms, String uri, String track, boolean incognito) {
		this.rows.add(("{\"ts\":\"%s\",\"username\":\"someone\",\"platform\":\"android\",\"ms_played\":%d,"
				+ "\"conn_country\":\"DE\",\"ip_addr\":\"203.0.113.9\",\"master_metadata_track_name\":\"%s\","
				+ "\"master_metadata_album_artist_name\":\"Joni\",\"master_metadata_album_album_name\":\"Blue\","
				+ "\"spotify_track_uri\":%s,\"episode_name\":null,\"episode_show_name\":null,"
				+ "\"spotify_episode_uri\":null,\"reason_start\":\"trackdone\",\"reason_end\":\"trackdone\","
				+ "\"shuffle\":false,\"skipped\":false,\"offline\":false,\"offline_timestamp\":null,"
				+ "\"incognito_mode\":%s}")
			.formatted(ts, ms, track, uri, incognito));
		return this;
	}

	int size() {
		return this.rows.size();
	}

	String json() {
		return "[\n" + String.join(",\n", this.rows) + "\n]\n";
	}

	byte[] bytes() {
		return json().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The file cut off partway, as an interrupted download leaves it.
	 */
	byte[] truncatedAfterRow(int rows) {
		String json = json();
		int at = 0;
		for (int i = 0; i <= rows; i++) {
			at = json.indexOf("{\"ts\"", at + 1);
		}
		// halfway into the next row
		return json.substring(0, at + 40).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A zip of the given members (name to content), in order.
	 */
	static byte[] zip(Map<String, byte[]> members) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> member : members.entrySet()) {
				zip.putNextEntry(new ZipEntry(member.getKey()));
				zip.write(member.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static Map<String, byte[]> members() {
		return new LinkedHashMap<>();
	}

}
