package dev.spotifytracker.plays;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.library.CatalogService;
import dev.spotifytracker.library.TrackStub;

import dev.spotifytracker.plays.ImportPhases.Phase;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits one batch of an import in one transaction: its rows, the stub catalog entries
 * of their tracks, the plays they add or merge into, the import's counts and how far each
 * file got. A restart resumes after the last batch committed, and a failure leaves only
 * whole batches behind.
 */
@Component
class ImportBatchWriter {

	private final ImportRepository imports;

	private final PlayWrites writes;

	private final CatalogService catalog;

	private final TransactionTemplate transaction;

	private final ImportPhases phases;

	private final ImportBatchTable batch;

	ImportBatchWriter(ImportRepository imports, PlayWrites writes, CatalogService catalog,
			PlatformTransactionManager transactions, ImportPhases phases, ImportBatchTable batch) {
		this.imports = imports;
		this.batch = batch;
		this.writes = writes;
		this.catalog = catalog;
		this.transaction = new TransactionTemplate(transactions);
		this.phases = phases;
	}

	/**
	 * Writes a batch with the rollups kept in its own transaction.
	 * @return what the batch did
	 * @see #write(AccountId, long, int, List, long, long, Map, Map, boolean)
	 */
	ImportCounts write(AccountId account, long importId, int thresholdMs, List<RawRow> rows, long rowsRead,
			long notMusic, Map<String, Integer> checkpoints, Map<String, String> formats) {
		return write(account, importId, thresholdMs, rows, rowsRead, notMusic, checkpoints, formats, false, -1)
			.counts();
	}

	/**
	 * @param rows the batch's music rows
	 * @param rowsRead every row read since the last batch (music or not)
	 * @param notMusic the episodes and audiobook chapters among them (not stored)
	 * @param checkpoints per file, the rows read up to the end of this batch
	 * @param formats per file, its format
	 * @param deferRollups whether the import builds the rollups at its end
	 * ({@link DeferredRollups}) instead of keeping them in this batch's transaction
	 * @param readBefore the rows read that the import's earlier batches committed, as the
	 * caller counted them (-1: not checked)
	 * @return what the batch did, and how many rows it stored
	 * @throws IllegalStateException when the database holds fewer rows read than
	 * {@code readBefore}: a batch committed earlier was lost
	 */
	Written write(AccountId account, long importId, int thresholdMs, List<RawRow> rows, long rowsRead, long notMusic,
			Map<String, Integer> checkpoints, Map<String, String> formats, boolean deferRollups, long readBefore) {
		long start = System.nanoTime();
		long[] inside = new long[1];
		Written written = this.transaction.execute((status) -> {
			long begun = System.nanoTime();
			// A batch commits without waiting for its WAL to reach the disk: a crash may
			// lose the last batches committed (never part of one), and the import then
			// redoes them, because a batch's checkpoint (import_members.rows_done) and
			// counts are written in the same transaction as its rows and plays, so they
			// are lost together and the resume starts after the last batch that survived.
			// The upload is deleted only after the import's end is committed with a
			// synchronous commit, which flushes every earlier batch's WAL as well. Should
			// the database crash and come back between two batches of a run, the next
			// batch finds fewer rows read than the run committed and stops the import
			// as failed (nothing of the lost batch is skipped: uploading the file again
			// completes it without duplicates).
			this.imports.commitWithoutWaiting();
			if (readBefore >= 0) {
				this.imports.expectRowsRead(importId, readBefore);
			}
			boolean named = this.phases.time(Phase.RAW_ROWS, () -> this.batch.fill(rows, thresholdMs));
			this.phases.time(Phase.STUBS, () -> this.catalog.saveStubs(stubs(rows, thresholdMs)));
			this.phases.time(Phase.CLASSIFY, () -> this.batch.classify(account, thresholdMs, named));
			PlayWrites.Applied applied = this.writes.applyImportBatch(account, importId, deferRollups);
			int stored = this.phases.time(Phase.RAW_ROWS, () -> this.batch.store(importId, account));
			long counting = System.nanoTime();
			Map<String, Integer> outcomes = this.batch.outcomes();
			ImportCounts counts = new ImportCounts(rowsRead, applied.added(), applied.merged(),
					outcomes.getOrDefault(ImportBatchTable.DUPLICATE, 0) + outcomes.getOrDefault("known", 0),
					outcomes.getOrDefault("short", 0), notMusic, outcomes.getOrDefault("incognito", 0),
					outcomes.getOrDefault("unresolved", 0), outcomes.getOrDefault("no_uri", 0));
			this.imports.addCounts(importId, counts);
			checkpoints.forEach((member, done) -> this.imports.checkpoint(importId, member, formats.get(member), done));
			long done = System.nanoTime();
			this.phases.add(Phase.CHECKPOINTS, done - counting);
			inside[0] = done - begun;
			return new Written(counts, stored);
		});
		this.phases.add(Phase.COMMIT, System.nanoTime() - start - inside[0]);
		return written;
	}

	private static List<TrackStub> stubs(List<RawRow> rows, int thresholdMs) {
		List<TrackStub> stubs = new ArrayList<>();
		for (RawRow row : rows) {
			if (row.countsWithId(thresholdMs)) {
				stubs.add(new TrackStub(row.trackId(), row.trackName(), row.albumName(), row.artistName()));
			}
		}
		return stubs;
	}

	/**
	 * What a batch did.
	 *
	 * @param stored the rows it stored in {@code import_rows} (every row but those an
	 * earlier import stored)
	 */
	record Written(ImportCounts counts, int stored) {

	}

}
