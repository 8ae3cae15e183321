package dev.spotifytracker.report;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A stats parameter the caller got wrong: answered 400 with the message, one sentence.
 */
class StatsParameterException extends ResponseStatusException {

	StatsParameterException(String sentence) {
		super(HttpStatus.BAD_REQUEST, sentence);
	}

}
