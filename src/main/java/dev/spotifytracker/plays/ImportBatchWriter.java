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

	ImportBatchWriter(ImportRepository imports, PlayWrites writes, CatalogService catalog,
			PlatformTransactionManager transactions, ImportPhases phases) {
		this.imports = imports;
		this.writes = writes;
		this.catalog = catalog;
		this.transaction = new TransactionTemplate(transactions);
		this.phases = phases;
	}

	/**
	 * @param rows the batch's music rows
	 * @param rowsRead every row read since the last batch (music or not)
	 * @param notMusic the episodes and audiobook chapters among them (not stored)
	 * @param checkpoints per file, the rows read up to the end of this batch
	 * @param formats per file, its format
	 * @return what the batch did
	 */
	ImportCounts write(AccountId account, long importId, int thresholdMs, List<RawRow> rows, long rowsRead,
			long notMusic, Map<String, Integer> checkpoints, Map<String, String> formats) {
		long start = System.nanoTime();
		long[] inside = new long[1];
		ImportCounts written = this.transaction.execute((status) -> {
			long begun = System.nanoTime();
			long[] stored = this.phases.time(Phase.RAW_ROWS,
					() -> this.imports.insertRows(importId, account, rows, thresholdMs));
			this.phases.time(Phase.STUBS, () -> this.catalog.saveStubs(stubs(rows, thresholdMs)));
			boolean named = rows.stream().anyMatch(RawRow::minutePrecision);
			this.phases.time(Phase.CLASSIFY, () -> this.imports.classify(account, stored, named));
			PlayWrites.Applied applied = this.writes.applyImportRows(account, importId, stored);
			long counting = System.nanoTime();
			Map<String, Integer> outcomes = this.imports.outcomes(stored);
			ImportCounts counts = new ImportCounts(rowsRead, applied.added(), applied.merged(),
					(rows.size() - stored.length) + outcomes.getOrDefault("known", 0),
					outcomes.getOrDefault("short", 0), notMusic, outcomes.getOrDefault("incognito", 0),
					outcomes.getOrDefault("unresolved", 0), outcomes.getOrDefault("no_uri", 0));
			this.imports.addCounts(importId, counts);
			checkpoints.forEach((member, done) -> this.imports.checkpoint(importId, member, formats.get(member), done));
			long done = System.nanoTime();
			this.phases.add(Phase.CHECKPOINTS, done - counting);
			inside[0] = done - begun;
			return counts;
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

}
