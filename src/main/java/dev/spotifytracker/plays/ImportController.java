package dev.spotifytracker.plays;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.spotifytracker.account.Account;
import dev.spotifytracker.account.AccountChoice;
import dev.spotifytracker.job.Trigger;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Import page: how to get the export from Spotify, the upload (a form that htmx sends
 * in the background, with drag and drop from {@code js/import.js}), the progress of the
 * running import and the past imports with their summaries.
 */
@Controller
class ImportController {

	static final int PAST_IMPORTS = 20;

	static final int UNRESOLVED_LISTED = 50;

	private final AccountChoice accounts;

	private final ImportRepository imports;

	private final ImportUploads uploads;

	private final ImportProperties properties;

	ImportController(AccountChoice accounts, ImportRepository imports, ImportUploads uploads,
			ImportProperties properties) {
		this.accounts = accounts;
		this.imports = imports;
		this.uploads = uploads;
		this.properties = properties;
	}

	@GetMapping("/import")
	String page(Authentication caller, @RequestParam(required = false) String account, Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		List<ImportView> past = this.imports.recent(chosen.id(), PAST_IMPORTS)
			.stream()
			.map((record) -> view(record))
			.toList();
		model.addAttribute("imports", past);
		model.addAttribute("live", past.stream().filter(ImportView::running).findFirst().orElse(null));
		model.addAttribute("maxMb", this.properties.maxMegabytes());
		this.properties.sample()
			.ifPresent((file) -> model.addAttribute("sample",
					new Sample(String.valueOf(file.getFileName()), Math.max(1, size(file) / (1024 * 1024)))));
		return "plays/import";
	}

	/**
	 * The sample export (the demo's), to download and upload again.
	 */
	@GetMapping("/import/sample")
	ResponseEntity<Resource> sample() {
		Path file = this.properties.sample()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no sample export."));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(String.valueOf(file.getFileName())).build().toString())
			.body(new FileSystemResource(file));
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	@PostMapping("/import")
	String upload(Authentication caller, @RequestParam(required = false) String account,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		Account chosen = this.accounts.choose(caller, account, model);
		ImportUploads.Outcome outcome = (file != null) ? this.uploads.start(chosen.id(), file, Trigger.DASHBOARD)
				: new ImportUploads.Outcome.Refused("Choose a file: the zip Spotify sent, or one of its JSON files.");
		if (outcome instanceof ImportUploads.Outcome.Started started) {
			if (htmx == null) {
				return "redirect:/import?account=" + chosen.spotifyUserId();
			}
			model.addAttribute("live", view(this.imports.find(started.importId()).orElseThrow()));
			return "plays/import-parts :: live";
		}
		String notice = (outcome instanceof ImportUploads.Outcome.Refused refused) ? refused.sentence()
				: ImportUploads.ALREADY_RUNNING;
		if (htmx == null) {
			response.setStatus((outcome instanceof ImportUploads.Outcome.Refused) ? HttpStatus.BAD_REQUEST.value()
					: HttpStatus.CONFLICT.value());
			model.addAttribute("refused", notice);
			return page(caller, chosen.spotifyUserId(), model);
		}
		// htmx swaps only successful answers: the notice comes as one
		model.addAttribute("notice", notice);
		return "plays/import-parts :: refused";
	}

	/**
	 * The running import's progress, polled every second until it has ended.
	 */
	@GetMapping("/import/imports/{importId}/live")
	String live(Authentication caller, @RequestParam(required = false) String account, @PathVariable long importId,
			Model model) {
		Account chosen = this.accounts.choose(caller, account, model);
		ImportRecord record = this.imports.find(importId)
			.filter((found) -> found.account().equals(chosen.id()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + importId));
		model.addAttribute("live", view(record));
		return "plays/import-parts :: live";
	}

	/**
	 * The sample export the page offers.
	 */
	record Sample(String name, long megabytes) {

	}

	private ImportView view(ImportRecord record) {
		List<String> unresolved = (record.finished() && record.counts().unresolved() > 0)
				? this.imports.unresolvedNames(record.id(), UNRESOLVED_LISTED) : List.of();
		return ImportView.of(record, unresolved);
	}

}
