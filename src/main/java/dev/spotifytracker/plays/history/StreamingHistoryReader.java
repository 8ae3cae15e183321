package dev.spotifytracker.plays.history;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads Spotify's streaming-history export as uploaded: the zip Spotify sends (extended
 * streaming history or account data), or one of its JSON files. Each file is streamed
 * through Jackson's parser, so memory stays the same whatever the export's size, and the
 * personal fields are skipped unread.
 * <p>
 * What cannot be an export at all is refused with an {@link ExportRejectedException}
 * before any row is delivered. A file of the export that breaks while being read (cut
 * short, not JSON, too large once unpacked) is reported in its {@link MemberOutcome}
 * after the rows before the break; the other files are read all the same.
 */
public class StreamingHistoryReader {

	/** Spotify's exports hold a few dozen files; far more is not one. */
	public static final int DEFAULT_MAX_MEMBERS = 500;

	/** Spotify's files hold about 12 MB each; far more is not one. */
	public static final long DEFAULT_MAX_MEMBER_BYTES = 500L * 1024 * 1024;

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private static final byte[] EMPTY_ZIP_MAGIC = { 'P', 'K', 5, 6 };

	/** How far into a file whitespace may go before its JSON starts. */
	private static final int MAX_LEADING_WHITESPACE = 64 * 1024;

	private static final String UPLOAD_INSTEAD = "upload the zip Spotify sent, or one of its "
			+ "Streaming_History_Audio or StreamingHistory JSON files.";

	private final int maxMembers;

	private final long maxMemberBytes;

	private final JsonFactory json;

	private final MemberScanner scanner;

	public StreamingHistoryReader() {
		this(DEFAULT_MAX_MEMBERS, DEFAULT_MAX_MEMBER_BYTES);
	}

	/**
	 * @param maxMembers the most files a zip may hold
	 * @param maxMemberBytes the most bytes a file of history may hold, unpacked
	 */
	public StreamingHistoryReader(int maxMembers, long maxMemberBytes) {
		this.maxMembers = maxMembers;
		this.maxMemberBytes = maxMemberBytes;
		// a row's values are short and flat: refuse early what only a hostile file holds
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxNestingDepth(64)
			.maxStringLength(1024 * 1024)
			.build();
		this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
		this.scanner = new MemberScanner(this.json, maxMemberBytes);
	}

	/**
	 * Lists the files of history an upload holds, without reading their rows (a loose
	 * JSON file's first row is read to know its format).
	 * @param file the upload on disk
	 * @param originalFileName the name it was uploaded under; names a loose JSON file
	 * @return its files of history and the files it holds besides
	 * @throws ExportRejectedException when it is not a streaming history, or beyond the
	 * limits
	 */
	public ExportContents inspect(Path file, String originalFileName) {
		try (Upload upload = open(file, originalFileName)) {
			return upload.contents();
		}
	}

	/**
	 * Reads every row of an upload's files of history, in order.
	 * @param file the upload on disk
	 * @param originalFileName the name it was uploaded under; names a loose JSON file
	 * @param sink receives the rows; whatever it throws stops the read and is rethrown
	 * @return how each file was read, and the files skipped
	 * @throws ExportRejectedException when it is not a streaming history, or beyond the
	 * limits; nothing was delivered then
	 */
	public ExportSummary read(Path file, String originalFileName, RowSink sink) {
		try (Upload upload = open(file, originalFileName)) {
			List<MemberOutcome> outcomes = new ArrayList<>();
			for (ExportMember member : upload.contents().members()) {
				sink.memberStarted(member);
				MemberScanner.Scan scan = this.scanner.scan(() -> upload.open(member), member, sink);
				MemberOutcome outcome = new MemberOutcome(member.name(), scan.format(), scan.rows(), scan.badRows(),
						scan.broken());
				sink.memberEnded(outcome);
				outcomes.add(outcome);
			}
			return new ExportSummary(outcomes, upload.contents().skipped());
		}
	}

	/**
	 * Counts the rows a {@link #read} of the same upload goes through, bad ones included,
	 * without making rows of them: the total of a progress bar. A file that breaks counts
	 * the rows before its break, as its read does.
	 * @param file the upload on disk
	 * @return the sum of {@link MemberOutcome#rows()} and {@link MemberOutcome#badRows()}
	 * over the files a read would report
	 * @throws ExportRejectedException as {@link #read} does
	 */
	public long countRows(Path file) {
		try (Upload upload = open(file, String.valueOf(file.getFileName()))) {
			long total = 0;
			for (ExportMember member : upload.contents().members()) {
				total += this.scanner.scan(() -> upload.open(member), member, null).entries();
			}
			return total;
		}
	}

	private Upload open(Path file, String originalFileName) {
		return switch (kindOf(file)) {
			case ZIP -> openZip(file);
			case JSON -> openJson(file, originalFileName);
		};
	}

	private UploadKind kindOf(Path file) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			byte[] head = in.readNBytes(4);
			if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) {
				return UploadKind.ZIP;
			}
			int offset = startsWith(head, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }) ? 3 : 0;
			for (int i = 0; i < MAX_LEADING_WHITESPACE; i++) {
				int b = (i + offset < head.length) ? head[i + offset] : in.read();
				if (b == '[' || b == '{') {
					return UploadKind.JSON;
				}
				if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
					break;
				}
			}
			throw new ExportRejectedException("This file is neither a zip nor a JSON file: " + UPLOAD_INSTEAD);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private Upload openZip(Path file) {
		ZipFile zip;
		try {
			zip = new ZipFile(file.toFile());
		}
		catch (ZipException ex) {
			throw damagedZip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		boolean handedOver = false;
		try {
			if (zip.size() > this.maxMembers) {
				throw new ExportRejectedException(String.format(Locale.ROOT,
						"This zip holds %,d files, more than the %,d a Spotify export can hold: "
								+ "upload the zip Spotify sent, as it came.",
						zip.size(), this.maxMembers));
			}
			Map<String, ZipEntry> entries = new LinkedHashMap<>();
			List<ExportMember> members = new ArrayList<>();
			List<String> skipped = new ArrayList<>();
			Enumeration<? extends ZipEntry> all = zip.entries();
			while (all.hasMoreElements()) {
				ZipEntry entry = all.nextElement();
				if (entry.isDirectory()) {
					continue;
				}
				ExportFormat format = MemberNames.formatOf(entry.getName());
				if (format == null || entries.containsKey(entry.getName())) {
					skipped.add(entry.getName());
					continue;
				}
				if (entry.getSize() > this.maxMemberBytes) {
					throw new ExportRejectedException(String.format(Locale.ROOT,
							"%s unpacks to %s, more than the %s a file of streaming history may hold: "
									+ "upload the zip Spotify sent, as it came.",
							MemberNames.baseName(entry.getName()), ByteCount.describe(entry.getSize()),
							ByteCount.describe(this.maxMemberBytes)));
				}
				entries.put(entry.getName(), entry);
				members.add(new ExportMember(entry.getName(), format, entry.getSize()));
			}
			if (members.isEmpty()) {
				throw new ExportRejectedException("This zip holds no streaming history: upload the zip of your "
						+ "extended streaming history or of your account data, as Spotify sent it.");
			}
			Upload upload = new ZipUpload(zip, entries, new ExportContents(members, skipped));
			handedOver = true;
			return upload;
		}
		catch (IllegalArgumentException ex) {
			// what the JDK throws for an entry name it cannot decode
			throw damagedZip();
		}
		finally {
			if (!handedOver) {
				closeQuietly(zip);
			}
		}
	}

	private static ExportRejectedException damagedZip() {
		return new ExportRejectedException(
				"This zip is damaged or incomplete: download it again from Spotify's email and upload it again.");
	}

	private Upload openJson(Path file, String originalFileName) {
		// a browser may send a path ("C:\fakepath\endsong_0.json"): the name is its last
		// part
		String name = (originalFileName != null && !originalFileName.isBlank()) ? MemberNames.baseName(originalFileName)
				: String.valueOf(file.getFileName());
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (size > this.maxMemberBytes) {
			throw new ExportRejectedException(String.format(Locale.ROOT,
					"This JSON file holds %s, more than the %s a file of streaming history may hold: %s",
					ByteCount.describe(size), ByteCount.describe(this.maxMemberBytes), UPLOAD_INSTEAD));
		}
		ExportFormat format = firstRowFormat(file, name);
		return new JsonUpload(file, new ExportContents(List.of(new ExportMember(name, format, size)), List.of()));
	}

	/** The format a loose file's first row says; its name's for an empty list. */
	private ExportFormat firstRowFormat(Path file, String name) {
		try (InputStream in = Files.newInputStream(file);
				JsonParser parser = this.json.createParser(ObjectReadContext.empty(), in)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw notAHistory();
			}
			JsonToken first = parser.nextToken();
			if (first == JsonToken.END_ARRAY) {
				ExportFormat byName = MemberNames.formatOf(name);
				return (byName != null) ? byName : ExportFormat.EXTENDED;
			}
			if (first != JsonToken.START_OBJECT) {
				throw notAHistory();
			}
			RowFields fields = new RowFields();
			fields.read(parser);
			if (fields.format() == null) {
				throw notAHistory();
			}
			return fields.format();
		}
		catch (JacksonException ex) {
			if (ex instanceof JacksonIOException) {
				throw new UncheckedIOException((IOException) ex.getCause());
			}
			throw new ExportRejectedException("This JSON file is damaged before its first row ("
					+ MemberScanner.where(ex.getLocation()) + "): " + UPLOAD_INSTEAD);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ExportRejectedException notAHistory() {
		return new ExportRejectedException("This JSON file is not a Spotify streaming history: " + UPLOAD_INSTEAD);
	}

	private static void closeQuietly(Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// nothing was read from it; the reason it is closed matters more
		}
	}

	private enum UploadKind {

		ZIP, JSON

	}

	/** An upload opened for reading: its contents and a stream per file of history. */
	private interface Upload extends AutoCloseable {

		ExportContents contents();

		InputStream open(ExportMember member) throws IOException;

		@Override
		void close();

	}

	private record ZipUpload(ZipFile zip, Map<String, ZipEntry> entries, ExportContents contents) implements Upload {

		@Override
		public InputStream open(ExportMember member) throws IOException {
			return this.zip.getInputStream(this.entries.get(member.name()));
		}

		@Override
		public void close() {
			closeQuietly(this.zip);
		}

	}

	private record JsonUpload(Path file, ExportContents contents) implements Upload {

		@Override
		public InputStream open(ExportMember member) throws IOException {
			return Files.newInputStream(this.file);
		}

		@Override
		public void close() {
		}

	}

}
