package dev.spotifytracker.plays;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Job;
import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobFailedException;
import dev.spotifytracker.job.JobResult;
import dev.spotifytracker.job.JobSchedule;
import dev.spotifytracker.plays.ImportPhases.Phase;
import dev.spotifytracker.plays.history.ExportFormat;
import dev.spotifytracker.plays.history.ExportMember;
import dev.spotifytracker.plays.history.ExportRejectedException;
import dev.spotifytracker.plays.history.ExportRow;
import dev.spotifytracker.plays.history.ExportSummary;
import dev.spotifytracker.plays.history.MemberOutcome;
import dev.spotifytracker.plays.history.RowKind;
import dev.spotifytracker.plays.history.RowSink;
import dev.spotifytracker.plays.history.StreamingHistoryReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code import}: reads the account's uploaded streaming-history exports, oldest first,
 * and commits their rows in batches ({@link ImportBatchWriter}) without a single Spotify
 * call. Each batch records how far each file got, so a run cut short by a restart goes on
 * after the last committed batch; the upload is deleted when its import ends, succeeded
 * or failed.
 */
@Component
class ImportJob implements Job {

	static final String NAME = "import";

	private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

	/**
	 * An import of more batches than this builds the account's rollups once at its end
	 * ({@link DeferredRollups}): keeping them in every batch cost each batch a few
	 * hundred milliseconds, a full rebuild a few seconds for a history of 250,000 plays.
	 */
	static final int DEFER_ROLLUPS_FROM_BATCHES = 4;

	private final ImportRepository imports;

	private final ImportBatchWriter writer;

	private final PlaySettings settings;

	private final PlayGaps gaps;

	private final StreamingHistoryReader reader;

	private final ImportProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final ImportPhases phases;

	private final DeferredRollups rollups;

	ImportJob(ImportRepository imports, ImportBatchWriter writer, PlaySettings settings, PlayGaps gaps,
			StreamingHistoryReader reader, ImportProperties properties, JsonMapper json, Clock clock,
			ImportPhases phases, DeferredRollups rollups) {
		this.phases = phases;
		this.rollups = rollups;
		this.imports = imports;
		this.writer = writer;
		this.settings = settings;
		this.gaps = gaps;
		this.reader = reader;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String description() {
		return "Imports an uploaded Spotify streaming-history export (no Spotify calls).";
	}

	@Override
	public JobSchedule schedule() {
		return JobSchedule.onDemand();
	}

	/**
	 * Started by an upload (or the resume at start-up), not by a button: without a file
	 * it has nothing to do.
	 */
	@Override
	public boolean listed() {
		return false;
	}

	/**
	 * It makes no Spotify call, so the day's call budget never holds it back.
	 */
	@Override
	public boolean essential() {
		return true;
	}

	@Override
	public Optional<String> notNeeded(AccountId account) {
		return this.imports.nextUnfinished(account).isPresent() ? Optional.empty()
				: Optional.of("no upload waits to be imported");
	}

	@Override
	public JobResult run(JobContext context) throws InterruptedException {
		List<String> messages = new ArrayList<>();
		long added = 0;
		boolean failed = false;
		Optional<ImportRecord> next;
		while ((next = this.imports.nextUnfinished(context.account())).isPresent()) {
			ImportRecord record = next.get();
			if (!this.imports.claim(record.id(), context.runId(), this.clock.instant())) {
				// withdrawn by its upload in the instant since it was listed
				continue;
			}
			Finished finished = importOne(context, record);
			added += finished.record().counts().added();
			messages.add(finished.record().summary());
			failed |= !finished.succeeded();
		}
		if (messages.isEmpty()) {
			return new JobResult(0, "No upload waits to be imported.");
		}
		String message = String.join(" ", messages);
		if (failed) {
			throw new JobFailedException(message);
		}
		return new JobResult((int) Math.min(Integer.MAX_VALUE, added), message);
	}

	private Finished importOne(JobContext context, ImportRecord record) throws InterruptedException {
		Path upload = (record.storedPath() != null) ? Path.of(record.storedPath()) : null;
		if (upload == null || !Files.isRegularFile(upload)) {
			return end(context, record, null, false,
					record.fileName() + ": the uploaded file is gone (deleted while the service was stopped?); "
							+ "upload it again to finish the import.",
					null);
		}
		BatchingSink sink = null;
		boolean stopping = false;
		try {
			long total = (record.rowsTotal() != null) ? record.rowsTotal() : this.reader.countRows(upload);
			if (record.rowsTotal() == null) {
				this.imports.total(record.id(), total);
			}
			context.info("Import {}: {} rows in {}{}", record.id(), total, record.fileName(),
					(record.counts().rowsRead() > 0)
							? ", resuming after " + record.counts().rowsRead() + " rows already committed" : "");
			sink = new BatchingSink(context, record, total);
			long reading = System.nanoTime();
			ExportSummary summary = this.reader.read(upload, record.fileName(), sink);
			sink.flush();
			this.phases.add(Phase.PARSE, System.nanoTime() - reading - sink.writingNanos);
			context.progress(clampedInt(total), clampedInt(total));
			return end(context, record, summary, true, null, upload);
		}
		catch (ExportRejectedException ex) {
			return end(context, record, null, false, record.fileName() + ": " + ex.getMessage(), upload);
		}
		catch (Interrupted ex) {
			// the service is stopping: what was committed stays, the rest follows at the
			// next start (which refreshes the statistics at its end)
			stopping = true;
			throw ex.cause;
		}
		catch (RuntimeException ex) {
			log.error("Import {} failed", record.id(), ex);
			return end(context, record, null, false,
					record.fileName() + ": the import stopped at "
							+ this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
							+ " (see the service log); what it committed is kept, and uploading the same file again "
							+ "finishes it without duplicates.",
					upload);
		}
		finally {
			if (sink != null && sink.analyzedRoughly && !stopping) {
				refreshStatistics(record);
			}
		}
	}

	/**
	 * Refreshes in full the statistics the batches refreshed roughly (see
	 * {@link ImportRepository#analyzeRoughly}), whether the import succeeded or not. A
	 * failure here is logged, never put before the import's own outcome: autovacuum
	 * refreshes them in time anyway.
	 */
	private void refreshStatistics(ImportRecord record) {
		try {
			this.phases.time(Phase.ANALYZE, this.imports::analyzeInFull);
		}
		catch (RuntimeException ex) {
			log.warn("Import {}: could not refresh the planner's statistics", record.id(), ex);
		}
	}

	/**
	 * Ends the import: gaps it covers closed, its summary written, its upload deleted.
	 */
	private Finished end(JobContext context, ImportRecord record, ExportSummary summary, boolean succeeded,
			String failure, Path upload) {
		// succeeded or failed, what the batches committed is counted by the rollups again
		// (a no-op unless a batch deferred them)
		this.phases.time(Phase.ROLLUPS, () -> this.rollups.resume(record.account()));
		ImportRecord now = this.imports.find(record.id()).orElse(record);
		List<ImportRepository.MemberState> members = this.imports.members(record.id());
		long badRows = members.stream().mapToLong(ImportRepository.MemberState::badRows).sum();
		this.imports.badRows(record.id(), badRows);
		int gapsClosed = succeeded ? this.gaps.closeCovered(record.account(), record.id()) : 0;
		ImportRepository.MergeOffsets offsets = this.imports.mergeOffsets(record.id());
		String sentence = summary(now, badRows, offsets, summary, members, gapsClosed);
		String text = succeeded ? sentence : failure + " So far: " + sentence;
		this.imports.finish(record.id(), succeeded, text, detailsJson(summary, members, offsets, gapsClosed),
				this.clock.instant());
		if (upload != null) {
			delete(upload);
		}
		if (succeeded) {
			context.info("Import {}: {}", record.id(), text);
		}
		else {
			context.warn("Import {}: {}", record.id(), text);
		}
		if (gapsClosed > 0) {
			context.info("Import {}: closed {} possible gap(s) in the polled history", record.id(), gapsClosed);
		}
		context.detail("import-" + record.id(), Map.of("importId", record.id(), "summary", text));
		return new Finished(this.imports.find(record.id()).orElse(now), succeeded);
	}

	private static String summary(ImportRecord record, long badRows, ImportRepository.MergeOffsets offsets,
			ExportSummary summary, List<ImportRepository.MemberState> members, int gapsClosed) {
		StringBuilder text = new StringBuilder(record.fileName()).append(": ").append(record.counts().sentence());
		if (badRows > 0) {
			text.append(String.format(", %,d unreadable rows skipped", badRows));
		}
		text.append('.');
		if (offsets != null) {
			text.append(String.format(" Merged pairs were apart by %s median, %s p95, %s at most.",
					seconds(offsets.medianMs()), seconds(offsets.p95Ms()), seconds(offsets.maxMs())));
		}
		for (ImportRepository.MemberState member : members) {
			if (member.broken() != null) {
				text.append(' ').append(member.broken());
				if (!member.broken().endsWith(".")) {
					text.append('.');
				}
				text.append(String.format(" The first %,d rows of that file were kept.",
						(member.brokenAt() != null) ? member.brokenAt() : member.rowsDone()));
			}
		}
		if (summary != null && !summary.skipped().isEmpty()) {
			text.append(String.format(" %,d other file%s skipped (%s).", summary.skipped().size(),
					(summary.skipped().size() == 1) ? "" : "s", shortList(summary.skipped())));
		}
		if (gapsClosed > 0) {
			text.append(String.format(" Closed %,d possible gap%s in the polled history.", gapsClosed,
					(gapsClosed == 1) ? "" : "s"));
		}
		return text.toString();
	}

	private static String seconds(int ms) {
		return (ms < 10_000) ? String.format("%.1f s", ms / 1000.0) : String.format("%d s", Math.round(ms / 1000.0));
	}

	private static String shortList(List<String> names) {
		List<String> base = names.stream().map((name) -> name.substring(name.lastIndexOf('/') + 1)).toList();
		return (base.size() <= 3) ? String.join(", ", base)
				: String.join(", ", base.subList(0, 3)) + " and " + (base.size() - 3) + " more";
	}

	private String detailsJson(ExportSummary summary, List<ImportRepository.MemberState> members,
			ImportRepository.MergeOffsets offsets, int gapsClosed) {
		Map<String, Object> details = new LinkedHashMap<>();
		List<Map<String, Object>> files = new ArrayList<>();
		for (ImportRepository.MemberState member : members) {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("name", member.member());
			file.put("format", member.format());
			file.put("rows", member.rowsDone());
			file.put("badRows", member.badRows());
			if (member.broken() != null) {
				file.put("brokenAt", member.brokenAt());
				file.put("broken", member.broken());
			}
			files.add(file);
		}
		details.put("files", files);
		details.put("skipped", (summary != null) ? summary.skipped() : List.of());
		if (offsets != null) {
			details.put("mergeOffsetsMs", Map.of("pairs", offsets.pairs(), "median", offsets.medianMs(), "p95",
					offsets.p95Ms(), "max", offsets.maxMs()));
		}
		details.put("gapsClosed", gapsClosed);
		return this.json.writeValueAsString(details);
	}

	private static void delete(Path upload) {
		try {
			Files.deleteIfExists(upload);
		}
		catch (IOException ex) {
			log.warn("Could not delete the upload {}; delete it by hand", upload, ex);
		}
	}

	private static int clampedInt(long value) {
		return (int) Math.min(Integer.MAX_VALUE, value);
	}

	static RawRow rawRow(ExportRow row) {
		boolean named = row.format() == ExportFormat.ACCOUNT_DATA;
		return new RawRow(row.member(), row.index(), named, row.playedAt(), row.msPlayed(),
				(row.kind() == RowKind.TRACK) ? row.trackId() : null, row.trackName(), row.artistName(),
				row.albumName(), row.reasonStart(), row.reasonEnd(), row.shuffle(), row.skipped(), row.offline(),
				row.offlineTimestamp(), Boolean.TRUE.equals(row.incognito()));
	}

	/**
	 * Gathers rows into batches, skipping those an earlier run committed, and commits a
	 * batch when it is full and at the end of each file (so a file's end is recorded only
	 * after its rows).
	 */
	private final class BatchingSink implements RowSink {

		private final JobContext context;

		private final ImportRecord record;

		private final long total;

		private final int threshold;

		private final Map<String, Integer> committed;

		private final List<RawRow> rows = new ArrayList<>();

		private final Map<String, Integer> checkpoints = new LinkedHashMap<>();

		private final Map<String, String> formats = new LinkedHashMap<>();

		private long pendingRead;

		private long pendingNotMusic;

		private long read;

		private ImportCounts counts;

		private int files;

		/** The rows read that the batches committed ({@code imports.rows_read}). */
		private long committedRead;

		/** Batches that stored rows. */
		private int storingBatches;

		/**
		 * Whether the rollups are built at the end of the import rather than per batch.
		 */
		private final boolean deferRollups;

		/** Whether a batch left rough statistics, for the import's end to refresh. */
		private boolean analyzedRoughly;

		/** Time spent committing batches, not reading. */
		private long writingNanos;

		BatchingSink(JobContext context, ImportRecord record, long total) {
			this.context = context;
			this.record = record;
			this.total = total;
			this.threshold = ImportJob.this.settings.thresholdMs(record.account());
			this.committed = ImportJob.this.imports.rowsDone(record.id());
			this.counts = record.counts();
			// bad rows are added as each file ends: a resumed import reads every file
			// again
			this.read = record.counts().rowsRead();
			this.committedRead = record.counts().rowsRead();
			this.deferRollups = total > (long) DEFER_ROLLUPS_FROM_BATCHES * ImportJob.this.properties.batchRows();
		}

		@Override
		public void memberStarted(ExportMember member) {
			this.files++;
		}

		@Override
		public void accept(ExportRow row) {
			if (row.index() < this.committed.getOrDefault(row.member(), 0)) {
				return;
			}
			this.pendingRead++;
			this.checkpoints.merge(row.member(), row.index() + 1, Math::max);
			String format = (row.format() == ExportFormat.ACCOUNT_DATA) ? "account_data" : "extended";
			this.formats.put(row.member(), format);
			if (row.kind() == RowKind.EPISODE || row.kind() == RowKind.AUDIOBOOK) {
				this.pendingNotMusic++;
			}
			else {
				this.rows.add(rawRow(row));
			}
			if (this.pendingRead >= ImportJob.this.properties.batchRows()) {
				flush();
			}
		}

		@Override
		public void memberEnded(MemberOutcome outcome) {
			flush();
			String format = (outcome.format() == ExportFormat.ACCOUNT_DATA) ? "account_data"
					: (outcome.format() != null) ? "extended" : null;
			ImportJob.this.imports.memberEnded(this.record.id(), outcome.name(), format, outcome.badRows(),
					outcome.isBroken() ? outcome.broken().atRow() : null,
					outcome.isBroken() ? outcome.broken().reason() : null);
			this.read += outcome.badRows();
			if (outcome.isBroken()) {
				this.context.warn("Import {}: {}", this.record.id(), outcome.broken().reason());
			}
			else {
				this.context.info("Import {}: file {} read, {} rows", this.record.id(), outcome.name(),
						outcome.rows() + outcome.badRows());
			}
			progress();
		}

		void flush() {
			if (this.pendingRead == 0) {
				return;
			}
			if (Thread.currentThread().isInterrupted()) {
				throw new Interrupted(new InterruptedException("the service is stopping"));
			}
			long start = System.nanoTime();
			ImportBatchWriter.Written batch = ImportJob.this.writer.write(this.record.account(), this.record.id(),
					this.threshold, List.copyOf(this.rows), this.pendingRead, this.pendingNotMusic,
					Map.copyOf(this.checkpoints), Map.copyOf(this.formats), this.deferRollups, this.committedRead);
			this.counts = this.counts.plus(batch.counts());
			this.read += this.pendingRead;
			this.committedRead += this.pendingRead;
			this.rows.clear();
			this.checkpoints.forEach(this.committed::put);
			this.checkpoints.clear();
			this.pendingRead = 0;
			this.pendingNotMusic = 0;
			if (batch.stored() > 0) {
				this.storingBatches++;
				if (Integer.bitCount(this.storingBatches) == 1
						&& Integer.numberOfTrailingZeros(this.storingBatches) % 2 == 0) {
					// the tables grow fast at first: planned on their old statistics,
					// finding a batch's known rows took seconds instead of milliseconds.
					// So after the 1st, 4th, 16th, 64th... batch that stored rows; a
					// batch that stored nothing (a re-import) grew nothing, and analysing
					// the tables then cost seconds for nothing
					ImportJob.this.phases.time(Phase.ANALYZE, ImportJob.this.imports::analyzeRoughly);
					this.analyzedRoughly = true;
				}
			}
			progress();
			this.writingNanos += System.nanoTime() - start;
		}

		private void progress() {
			this.context.progress(clampedInt(Math.min(this.read, this.total)), clampedInt(this.total));
			this.context.detail("progress",
					Map.of("files", this.files, "rowsRead", this.read, "rowsTotal", this.total, "added",
							this.counts.added(), "merged", this.counts.merged(), "short", this.counts.shortRows(),
							"notMusic", this.counts.notMusic(), "incognito", this.counts.incognito(), "unresolved",
							this.counts.unresolved()));
		}

	}

	/**
	 * Carries an interruption through the reader, which rethrows what the sink throws.
	 */
	private static final class Interrupted extends RuntimeException {

		private final InterruptedException cause;

		Interrupted(InterruptedException cause) {
			super(cause);
			this.cause = cause;
		}

	}

	private record Finished(ImportRecord record, boolean succeeded) {

	}

}
