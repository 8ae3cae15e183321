package dev.spotifytracker.plays;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spotifytracker.account.Account;
import dev.spotifytracker.job.Trigger;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports?account=} (DESIGN.md): multipart part {@code file}, the zip
 * Spotify sends or one of its JSON files; 202 with the run of the {@code import} job, 409
 * while an import of the account runs, 400 for a file that is no streaming history, 413
 * over {@code TRACKER_IMPORT_MAX_MB} ({@link UploadLimitAdvice}).
 */
@RestController
class ImportApiController {

	private final ApiAccounts accounts;

	private final ImportUploads uploads;

	ImportApiController(ApiAccounts accounts, ImportUploads uploads) {
		this.accounts = accounts;
		this.uploads = uploads;
	}

	@PostMapping("/api/imports")
	ResponseEntity<Object> upload(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		Account chosen = this.accounts.resolve(caller, account);
		if (file == null) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"Send the export as the multipart form part named file."));
		}
		ImportUploads.Outcome outcome = this.uploads.start(chosen.id(), file, Trigger.API);
		if (outcome instanceof ImportUploads.Outcome.Started started) {
			return ResponseEntity.accepted().body(new StartedBody(started.runId(), started.importId()));
		}
		if (outcome instanceof ImportUploads.Outcome.AlreadyRunning running) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body(new AlreadyRunningBody(ImportUploads.ALREADY_RUNNING, running.runId()));
		}
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					((ImportUploads.Outcome.Refused) outcome).sentence()));
	}

	/**
	 * @param runId the {@code import} run, followed with {@code GET
	 * /api/jobs/runs/{runId}}
	 * @param importId the import, as the Import page lists it
	 */
	record StartedBody(long runId, long importId) {

	}

	record AlreadyRunningBody(String message, @JsonInclude(JsonInclude.Include.ALWAYS) Long runId) {

	}

}
