package dev.spotifytracker.plays;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.Trigger;

import org.springframework.stereotype.Service;

/**
 * The plays module's public face for importing a streaming-history export that is on the
 * service's disk rather than uploaded (the demo's generated export): the import runs as
 * the {@code import} job, exactly as after an upload, and the file stays where it is.
 */
@Service
public class HistoryImports {

	private final ImportUploads uploads;

	private final ImportRepository imports;

	HistoryImports(ImportUploads uploads, ImportRepository imports) {
		this.uploads = uploads;
		this.imports = imports;
	}

	/**
	 * Starts importing a copy of the file for the account.
	 * @return the run importing it
	 * @throws IllegalArgumentException when the file is missing or no streaming history,
	 * or an import of the account runs already
	 */
	public long importFile(AccountId account, Path file, Trigger trigger) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("No file " + file);
		}
		ImportUploads.Outcome outcome = this.uploads.start(account, file, trigger);
		if (outcome instanceof ImportUploads.Outcome.Started started) {
			return started.runId();
		}
		throw new IllegalArgumentException((outcome instanceof ImportUploads.Outcome.Refused refused)
				? refused.sentence() : ImportUploads.ALREADY_RUNNING);
	}

	/**
	 * @return whether the account has any import, ended or not
	 */
	public boolean anyImport(AccountId account) {
		return !this.imports.recent(account, 1).isEmpty();
	}

}
