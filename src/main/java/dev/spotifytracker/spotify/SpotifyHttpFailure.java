package dev.spotifytracker.spotify;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request that got no success: an answer other than 2xx, or none at all (status 0).
 * Internal to the module; {@link SpotifyCallExecutor} turns it into a retry or one of the
 * public exceptions.
 */
final class SpotifyHttpFailure extends RuntimeException {

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	private final String endpoint;

	private final int status;

	private final String retryAfter;

	private final String body;

	private final boolean repeatable;

	/**
	 * @param repeatable whether sending the request again is safe even if Spotify applied
	 * the first one (false for POST)
	 */
	SpotifyHttpFailure(String endpoint, int status, String retryAfter, String body, boolean repeatable,
			Throwable cause) {
		super(endpoint + " failed with " + status, cause, false, false);
		this.endpoint = endpoint;
		this.status = status;
		this.retryAfter = retryAfter;
		this.body = body;
		this.repeatable = repeatable;
	}

	String endpoint() {
		return this.endpoint;
	}

	/**
	 * @return the HTTP status, or 0 when no answer came
	 */
	int status() {
		return this.status;
	}

	boolean isRateLimited() {
		return this.status == 429;
	}

	/**
	 * A 5xx or no answer, where sending again cannot apply a change twice: the request is
	 * repeatable, or it never reached Spotify (the connection failed).
	 */
	boolean isTransient() {
		boolean serverOrNetwork = this.status == 0 || this.status >= 500;
		boolean neverArrived = getCause() instanceof ConnectException
				|| getCause() instanceof HttpConnectTimeoutException;
		return serverOrNetwork && (this.repeatable || neverArrived);
	}

	/**
	 * {@code Retry-After} in seconds; 1 s when missing or unreadable.
	 */
	Duration retryAfter() {
		if (this.retryAfter == null) {
			return DEFAULT_RETRY_AFTER;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(this.retryAfter.trim())));
		}
		catch (NumberFormatException ex) {
			return DEFAULT_RETRY_AFTER;
		}
	}

	/**
	 * Spotify's {@code "reason":"QUOTA_EXCEEDED"}: the app's daily quota is used up.
	 */
	boolean isQuotaExceeded() {
		JsonNode reason = json().findValue("reason");
		return reason != null && "QUOTA_EXCEEDED".equals(reason.asString(""));
	}

	/**
	 * What went wrong, in words: the status and Spotify's message, or the I/O error.
	 */
	String describe() {
		if (this.status == 0) {
			Throwable cause = getCause();
			String what = (cause != null)
					? cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "")
					: "no answer";
			return this.endpoint + " got no answer from Spotify (" + what + ")";
		}
		String message = spotifyMessage();
		return this.endpoint + " answered " + this.status + ((message != null) ? ": " + message : "");
	}

	/**
	 * The Web API's {@code {"error":{"status","message"}}} or the accounts service's
	 * {@code {"error","error_description"}}; else the start of the body.
	 */
	private String spotifyMessage() {
		JsonNode json = json();
		JsonNode error = json.path("error");
		if (error.isObject() && error.path("message").isString()) {
			return error.path("message").stringValue();
		}
		if (error.isString()) {
			String description = json.path("error_description").asString("");
			return error.stringValue() + (description.isEmpty() ? "" : " (" + description + ")");
		}
		if (this.body == null || this.body.isBlank()) {
			return null;
		}
		return (this.body.length() > 200) ? this.body.substring(0, 200) + "…" : this.body;
	}

	private JsonNode json() {
		if (this.body == null || this.body.isBlank()) {
			return JsonMapper.shared().missingNode();
		}
		try {
			return JsonMapper.shared().readTree(this.body);
		}
		catch (JacksonException ex) {
			return JsonMapper.shared().missingNode();
		}
	}

}
