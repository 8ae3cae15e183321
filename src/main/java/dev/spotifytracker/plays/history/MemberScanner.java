package dev.spotifytracker.plays.history;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.ZipException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * Goes through the list of one file of history, entry by entry, in the same memory
 * whatever its length. Where the file breaks (cut short, not JSON, past the size limit,
 * not unpackable) it stops and says so in a sentence naming the file and the row; the
 * rows before the break have been delivered. Reading and counting go through the same
 * steps, so a count always matches what a read goes through.
 */
final class MemberScanner {

	private final JsonFactory json;

	private final long maxMemberBytes;

	MemberScanner(JsonFactory json, long maxMemberBytes) {
		this.json = json;
		this.maxMemberBytes = maxMemberBytes;
	}

	/**
	 * Goes through one file's entries; with a sink, makes rows of them and delivers them,
	 * without one, only counts them.
	 * @param source opens the file's content
	 * @param member the file
	 * @param sink receives the rows, or null to count them only
	 * @return what the file's list held, and where it broke
	 */
	Scan scan(Source source, ExportMember member, RowSink sink) {
		RowFields fields = new RowFields();
		ExportFormat format = member.format();
		int index = 0;
		int rows = 0;
		int badRows = 0;
		MemberBreak broken = null;
		try (InputStream in = new SizeLimitedInputStream(source.open(), this.maxMemberBytes)) {
			JsonParser parser = null;
			try {
				// creating the parser reads the first bytes already
				parser = this.json.createParser(ObjectReadContext.empty(), in);
				if (parser.nextToken() != JsonToken.START_ARRAY) {
					broken = notHistory(member);
				}
			}
			catch (JacksonException ex) {
				broken = brokenAt(member, 0, ex);
			}
			try {
				while (broken == null) {
					ExportRow row = null;
					try {
						JsonToken token = parser.nextToken();
						if (token == JsonToken.END_ARRAY) {
							break;
						}
						if (token == JsonToken.START_OBJECT && (sink != null || index == 0)) {
							fields.read(parser);
							if (index == 0) {
								if (fields.format() == null) {
									broken = notHistory(member);
									break;
								}
								format = fields.format();
							}
							row = (sink != null) ? fields.toRow(member.name(), index, format) : null;
						}
						else if (index == 0) {
							broken = notHistory(member);
							break;
						}
						else {
							parser.skipChildren();
						}
					}
					catch (JacksonException ex) {
						broken = brokenAt(member, index, ex);
						break;
					}
					index++;
					if (row != null) {
						rows++;
						// outside the parser's try: what the sink throws is the caller's
						sink.accept(row);
					}
					else if (sink != null) {
						badRows++;
					}
				}
			}
			finally {
				if (parser != null) {
					parser.close();
				}
			}
		}
		catch (ZipException | EOFException ex) {
			broken = (broken != null) ? broken : unpackFailed(member, index);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Scan(format, index, rows, badRows, broken);
	}

	private MemberBreak brokenAt(ExportMember member, int index, JacksonException ex) {
		String file = MemberNames.baseName(member.name());
		int row = index + 1;
		if (ex instanceof JacksonIOException) {
			Throwable cause = ex.getCause();
			if (cause instanceof SizeLimitedInputStream.LimitExceededException) {
				return new MemberBreak(index,
						String.format(Locale.ROOT,
								"%s unpacks to more than the %s a file of streaming history may hold, "
										+ "so only the rows before row %,d were read.",
								file, ByteCount.describe(this.maxMemberBytes), row));
			}
			if (cause instanceof ZipException || cause instanceof EOFException) {
				return unpackFailed(member, index);
			}
			throw new UncheckedIOException((IOException) cause);
		}
		if (ex instanceof UnexpectedEndOfInputException) {
			return new MemberBreak(index,
					String.format(Locale.ROOT,
							"%s breaks off in row %,d: the file is incomplete, so only the rows before it were read.",
							file, row));
		}
		if (ex instanceof StreamConstraintsException) {
			return new MemberBreak(index,
					String.format(Locale.ROOT,
							"%s holds a value too long or nested too deep in row %,d, which no Spotify export does, "
									+ "so only the rows before it were read.",
							file, row));
		}
		return new MemberBreak(index,
				String.format(Locale.ROOT,
						"%s is not valid JSON in row %,d (%s), so only the rows before it were read.", file, row,
						where(ex.getLocation())));
	}

	private static MemberBreak notHistory(ExportMember member) {
		return new MemberBreak(0, MemberNames.baseName(member.name())
				+ " is not a streaming history: it does not hold a list of plays, so nothing was read from it.");
	}

	private static MemberBreak unpackFailed(ExportMember member, int index) {
		return new MemberBreak(index,
				String.format(Locale.ROOT,
						"%s cannot be unpacked from row %,d on: the zip is damaged, "
								+ "so download it again from Spotify's email.",
						MemberNames.baseName(member.name()), index + 1));
	}

	static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "at an unknown place";
		}
		return String.format(Locale.ROOT, "line %,d, column %,d", location.getLineNr(), location.getColumnNr());
	}

	/** Opens a file's content. */
	@FunctionalInterface
	interface Source {

		InputStream open() throws IOException;

	}

	/**
	 * What one file's read went through.
	 *
	 * @param format the format its rows were read in
	 * @param entries the entries of its list gone through, good and bad (the index of the
	 * break, if it broke)
	 * @param rows the rows delivered (none when only counting)
	 * @param badRows the entries that made no row (none when only counting)
	 * @param broken where it broke, or null
	 */
	record Scan(ExportFormat format, int entries, int rows, int badRows, MemberBreak broken) {

	}

}
