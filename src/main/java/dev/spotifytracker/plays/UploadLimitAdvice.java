package dev.spotifytracker.plays;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload the servlet refuses before any controller sees it: over
 * {@code TRACKER_IMPORT_MAX_MB} (413), or a broken multipart body (400). The API answers
 * a problem detail with one sentence; the Import page shows the sentence where its upload
 * went.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	private final ObjectProvider<ImportProperties> properties;

	/**
	 * @param properties absent in a page slice test, which has the advice without the
	 * import's settings
	 */
	UploadLimitAdvice(ObjectProvider<ImportProperties> properties) {
		this.properties = properties;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		String sentence = String.format(Locale.ROOT,
				"This file is larger than the %,d MB an upload may hold: upload the zip Spotify sent as it came, "
						+ "or raise %s.",
				maxMegabytes(), ImportProperties.MAX_MB_VARIABLE);
		return refused(request, HttpStatus.PAYLOAD_TOO_LARGE, sentence);
	}

	@ExceptionHandler(MultipartException.class)
	Object broken(HttpServletRequest request) {
		return refused(request, HttpStatus.BAD_REQUEST,
				"The upload arrived incomplete or is not a file upload: choose the file and upload it again.");
	}

	private long maxMegabytes() {
		ImportProperties settings = this.properties.getIfAvailable();
		return (settings != null) ? settings.maxMegabytes() : ImportProperties.DEFAULT_MAX_MB;
	}

	private static Object refused(HttpServletRequest request, HttpStatus status, String sentence) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, sentence));
		}
		// the Import page: its upload form swaps in this notice (htmx), or it comes alone
		ModelAndView notice = new ModelAndView("plays/import-parts :: refused");
		notice.addObject("notice", sentence);
		notice.setStatus((request.getHeader("HX-Request") != null) ? HttpStatus.OK : status);
		return notice;
	}

}
