package dev.spotifytracker.plays;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.spotifytracker.account.Account;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/plays}: every counted play of a range, oldest first, as CSV or JSON
 * (DESIGN.md). Streamed from a database cursor straight to the response, so a million
 * plays take no more memory than ten.
 */
@RestController
class PlayExportController {

	private static final String CSV_HEADER = "played_at,ms_played,track_id,track,artists,album,source\n";

	private final ApiAccounts accounts;

	private final HistoryQueries history;

	private final JsonMapper json;

	PlayExportController(ApiAccounts accounts, HistoryQueries history, JsonMapper json) {
		this.accounts = accounts;
		this.history = history;
		this.json = json;
	}

	@GetMapping("/api/plays")
	ResponseEntity<StreamingResponseBody> export(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String tz, @RequestParam(defaultValue = "csv") String format) {
		Account chosen = this.accounts.resolve(caller, account);
		ZoneId zone = HistoryFilter.zone(tz, accountZone(chosen));
		HistoryFilter filter = HistoryFilter.parse(from, to, zone, null, null);
		return switch (format) {
			case "csv" -> ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plays.csv\"")
				.body((out) -> {
					Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
					writer.write(CSV_HEADER);
					this.history.export(chosen.id(), filter, (play) -> csvLine(writer, play));
					writer.flush();
				});
			case "json" -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plays.json\"")
				.body((out) -> {
					try (JsonGenerator generator = this.json.createGenerator(out)) {
						generator.writeStartArray();
						this.history.export(chosen.id(), filter, (play) -> jsonObject(generator, play));
						generator.writeEndArray();
					}
				});
			default -> throw HistoryFilter.bad("'" + ((format.length() > 20) ? format.substring(0, 20) : format)
					+ "' is not a valid format: use csv or json.");
		};
	}

	private static ZoneId accountZone(Account account) {
		try {
			return (account.timeZone() != null) ? ZoneId.of(account.timeZone()) : ZoneOffset.UTC;
		}
		catch (java.time.DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	private static void csvLine(Writer writer, HistoryQueries.ExportedPlay play) {
		try {
			writer.write(play.playedAt().toString());
			writer.write(',');
			writer.write((play.msPlayed() != null) ? play.msPlayed().toString() : "");
			writer.write(',');
			writer.write(csv(play.trackId()));
			writer.write(',');
			writer.write(csv(play.track()));
			writer.write(',');
			writer.write(csv(play.artists()));
			writer.write(',');
			writer.write(csv(play.album()));
			writer.write(',');
			writer.write(play.source());
			writer.write('\n');
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
	 */
	static String csv(String value) {
		if (value == null) {
			return "";
		}
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	private static void jsonObject(JsonGenerator generator, HistoryQueries.ExportedPlay play) {
		generator.writeStartObject();
		generator.writeName("played_at");
		generator.writeString(play.playedAt().toString());
		generator.writeName("ms_played");
		if (play.msPlayed() != null) {
			generator.writeNumber(play.msPlayed());
		}
		else {
			generator.writeNull();
		}
		generator.writeName("track_id");
		generator.writeString(play.trackId());
		generator.writeName("track");
		generator.writeString(play.track());
		generator.writeName("artists");
		generator.writeString(play.artists());
		generator.writeName("album");
		generator.writeString(play.album());
		generator.writeName("source");
		generator.writeString(play.source());
		generator.writeEndObject();
	}

}
