package dev.spotifytracker.plays.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Small export files written from explicit rows or text, for tests that need every byte
 * known:
 * {@code zip(dir.resolve("my_spotify_data.zip"), member("Streaming_History_Audio_2021_0.json", row1, row2))}.
 */
final class HistoryFiles {

	private static final JsonFactory JSON = new JsonFactory();

	private HistoryFiles() {
	}

	/** A file of the zip whose content is the JSON list of these rows. */
	static Member member(String name, HistoryRow... rows) {
		return new Member(name, json(rows).getBytes(StandardCharsets.UTF_8));
	}

	/** A file of the zip with exactly this text (broken JSON, a cut-off file). */
	static Member textMember(String name, String text) {
		return new Member(name, text.getBytes(StandardCharsets.UTF_8));
	}

	/** A file of the zip with these bytes (a PDF, say). */
	static Member bytesMember(String name, byte[] content) {
		return new Member(name, content);
	}

	static Path zip(Path file, Member... members) {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Member member : members) {
				zip.putNextEntry(new ZipEntry(member.name()));
				zip.write(member.content());
				zip.closeEntry();
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A loose JSON file holding the list of these rows. */
	static Path jsonFile(Path file, HistoryRow... rows) {
		return textFile(file, json(rows));
	}

	static Path textFile(Path file, String text) {
		try {
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The JSON list of these rows, as Spotify writes it. */
	static String json(HistoryRow... rows) {
		return jsonList((Object[]) rows);
	}

	/** A JSON list of these entries: rows, or any other value a broken file may hold. */
	static String jsonList(Object... entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
			writeValue(generator, Arrays.asList(entries));
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static void writeValue(JsonGenerator generator, Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String text) {
			generator.writeString(text);
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else if (value instanceof Integer number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Long number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Double number) {
			generator.writeNumber(number);
		}
		else if (value instanceof HistoryRow row) {
			writeValue(generator, row.fields());
		}
		else if (value instanceof Map<?, ?> map) {
			generator.writeStartObject();
			for (Map.Entry<?, ?> field : map.entrySet()) {
				generator.writeName((String) field.getKey());
				writeValue(generator, field.getValue());
			}
			generator.writeEndObject();
		}
		else if (value instanceof List<?> list) {
			generator.writeStartArray();
			list.forEach((item) -> writeValue(generator, item));
			generator.writeEndArray();
		}
		else {
			throw new IllegalArgumentException("Cannot write " + value.getClass());
		}
	}

	record Member(String name, byte[] content) {

	}

}
