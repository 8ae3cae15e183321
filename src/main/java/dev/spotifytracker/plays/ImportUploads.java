package dev.spotifytracker.plays;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.job.JobLauncher;
import dev.spotifytracker.job.JobRun;
import dev.spotifytracker.job.JobRuns;
import dev.spotifytracker.job.Launch;
import dev.spotifytracker.job.Trigger;
import dev.spotifytracker.plays.history.ExportRejectedException;
import dev.spotifytracker.plays.history.StreamingHistoryReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes an upload of the export: checks it is a streaming history (nothing is written or
 * kept when it is not), keeps it in the data folder, records the import and starts the
 * {@code import} job for the account. The page and the API both come through here.
 */
@Service
class ImportUploads {

	static final String ALREADY_RUNNING = "An import of this account is running; upload the file again when it has ended.";

	private static final Logger log = LoggerFactory.getLogger(ImportUploads.class);

	private final ImportRepository imports;

	private final StreamingHistoryReader reader;

	private final JobLauncher launcher;

	private final ImportProperties properties;

	private final JobRuns runs;

	ImportUploads(ImportRepository imports, StreamingHistoryReader reader, JobLauncher launcher,
			ImportProperties properties, JobRuns runs) {
		this.runs = runs;
		this.imports = imports;
		this.reader = reader;
		this.launcher = launcher;
		this.properties = properties;
	}

	Outcome start(AccountId account, MultipartFile file, Trigger trigger) {
		if (file == null || file.isEmpty()) {
			return new Outcome.Refused("Choose a file: the zip Spotify sent, or one of its JSON files.");
		}
		Long running = runningImport(account);
		if (running != null) {
			return new Outcome.AlreadyRunning(running);
		}
		return start(account, fileName(file.getOriginalFilename()), store(file), trigger);
	}

	/**
	 * Imports a copy of a file on the service's disk (the demo's generated export), as if
	 * it had been uploaded; the file itself stays where it is.
	 */
	Outcome start(AccountId account, Path file, Trigger trigger) {
		Long running = runningImport(account);
		if (running != null) {
			return new Outcome.AlreadyRunning(running);
		}
		return start(account, fileName(String.valueOf(file.getFileName())), copy(file), trigger);
	}

	private Outcome start(AccountId account, String name, Path stored, Trigger trigger) {
		long importId;
		try {
			this.reader.inspect(stored, name);
			importId = this.imports.create(account, name, stored.toString());
		}
		catch (ExportRejectedException ex) {
			delete(stored);
			return new Outcome.Refused(ex.getMessage());
		}
		catch (RuntimeException ex) {
			delete(stored);
			throw ex;
		}
		Launch launch = this.launcher.start(ImportJob.NAME, account, trigger);
		if (launch instanceof Launch.Started started) {
			return new Outcome.Started(importId, started.runId());
		}
		if (launch instanceof Launch.AlreadyRunning other) {
			if (this.imports.withdraw(importId)) {
				delete(stored);
				return new Outcome.AlreadyRunning(other.runId());
			}
			// the running import took this upload on in the meantime
			return new Outcome.Started(importId, other.runId());
		}
		this.imports.delete(importId);
		delete(stored);
		throw new IllegalStateException("The import job is not registered: " + launch);
	}

	/**
	 * @return the run importing for the account now, or null
	 */
	Long runningImport(AccountId account) {
		return this.imports.runsOfUnfinished(account)
			.stream()
			.filter((runId) -> this.runs.run(runId).map(JobRun::isRunning).orElse(false))
			.findFirst()
			.orElse(null);
	}

	private Path store(MultipartFile file) {
		Path target = uploadTarget();
		try {
			ImportConfiguration.incoming(this.properties);
			// moves the part the servlet container wrote to disk, when it can
			file.transferTo(target.toFile());
			return target;
		}
		catch (IOException ex) {
			delete(target);
			throw new UncheckedIOException("Could not keep the upload in " + target.getParent(), ex);
		}
	}

	private Path copy(Path file) {
		Path target = uploadTarget();
		try {
			ImportConfiguration.incoming(this.properties);
			Files.copy(file, target);
			return target;
		}
		catch (IOException ex) {
			delete(target);
			throw new UncheckedIOException("Could not copy " + file + " to " + target.getParent(), ex);
		}
	}

	private Path uploadTarget() {
		return this.properties.uploadDir().toAbsolutePath().normalize().resolve(UUID.randomUUID() + ".upload");
	}

	private static String fileName(String original) {
		if (original == null || original.isBlank()) {
			return "upload";
		}
		String base = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		return (base.length() > 200) ? base.substring(0, 200) : base;
	}

	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the upload {}; delete it by hand", file, ex);
		}
	}

	/**
	 * What an upload came to.
	 */
	sealed interface Outcome {

		/** The import is recorded and its run goes on in the background. */
		record Started(long importId, long runId) implements Outcome {
		}

		/**
		 * An import of the account runs; nothing was kept.
		 *
		 * @param runId its run, when known
		 */
		record AlreadyRunning(Long runId) implements Outcome {
		}

		/** Not a streaming history: nothing was written or kept. */
		record Refused(String sentence) implements Outcome {
		}

	}

}
