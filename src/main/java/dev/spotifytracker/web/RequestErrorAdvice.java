package dev.spotifytracker.web;

import java.util.stream.Collectors;

import dev.spotifytracker.playlist.PlaylistActionException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Requests Spring MVC refuses (a query parameter of the wrong type or missing, a failed
 * validation, an unknown page, a wrong method): pages answer the error page in the layout
 * with a sentence naming the bad parameter; {@code /api/**} answers a
 * {@link ProblemDetail}. Without it a browser would see Spring Boot's JSON problem
 * details, which {@code spring.mvc.problemdetails.enabled} turns on for every request.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestErrorAdvice {

	private static final int LONGEST_VALUE = 60;

	private final ResponseEntityExceptionHandler problems = new ResponseEntityExceptionHandler() {
	};

	private final ErrorPages pages;

	RequestErrorAdvice(ErrorPages pages) {
		this.pages = pages;
	}

	@ExceptionHandler({ ServletException.class, TypeMismatchException.class, BindException.class,
			ErrorResponseException.class, HttpMessageNotReadableException.class, MethodValidationException.class })
	Object refused(Exception ex, HttpServletRequest request, Authentication caller) throws Exception {
		ResponseEntity<Object> problem = problemFor(ex, request);
		if (isApi(request)) {
			return problem;
		}
		return this.pages.page(problem.getStatusCode(), describe(ex), caller, request);
	}

	/**
	 * A smart playlist action refused with a sentence for the user (a page that can show
	 * it next to its field handles it itself).
	 */
	@ExceptionHandler(PlaylistActionException.class)
	Object refusedAction(PlaylistActionException ex, HttpServletRequest request, Authentication caller) {
		if (isApi(request)) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
		}
		return this.pages.page(HttpStatus.BAD_REQUEST, ex.getMessage(), caller, request);
	}

	/**
	 * Spring's own mapping of the exception to a status and problem detail; a plain
	 * {@link BindException} (a form or query object that did not bind) is a 400.
	 * @throws Exception the exception itself when it is none Spring MVC maps, so it goes
	 * on to the next resolver
	 */
	private ResponseEntity<Object> problemFor(Exception ex, HttpServletRequest request) throws Exception {
		if (ex instanceof BindException bind && !(ex instanceof ErrorResponseException)) {
			ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(bind));
			return ResponseEntity.badRequest().body(detail);
		}
		ResponseEntity<Object> problem = this.problems.handleException(ex, new ServletWebRequest(request));
		if (problem == null) {
			throw ex;
		}
		return problem;
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/**
	 * @return a sentence the user can act on, or null when the status says it all
	 */
	static String describe(Exception ex) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return notValid(mismatch.getValue(), mismatch.getName());
		}
		if (ex instanceof TypeMismatchException mismatch) {
			return notValid(mismatch.getValue(), mismatch.getPropertyName());
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return "The parameter '" + missing.getParameterName() + "' is missing.";
		}
		if (ex instanceof BindException bind) {
			return bind.getFieldErrors()
				.stream()
				.map(RequestErrorAdvice::describe)
				.distinct()
				.collect(Collectors.joining(" "));
		}
		if (ex instanceof HandlerMethodValidationException validation) {
			return validation.getParameterValidationResults()
				.stream()
				.flatMap((result) -> result.getResolvableErrors()
					.stream()
					.map((error) -> "'" + result.getMethodParameter().getParameterName() + "' "
							+ error.getDefaultMessage() + "."))
				.collect(Collectors.joining(" "));
		}
		if (ex instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
			return status.getReason();
		}
		return null;
	}

	private static String describe(FieldError error) {
		if (error.isBindingFailure()) {
			return notValid(error.getRejectedValue(), error.getField());
		}
		return "'" + error.getField() + "' " + error.getDefaultMessage() + ".";
	}

	private static String notValid(Object value, String name) {
		String text = String.valueOf(value);
		if (text.length() > LONGEST_VALUE) {
			text = text.substring(0, LONGEST_VALUE) + "…";
		}
		return "'" + text + "' is not a valid value for '" + name + "'.";
	}

}
