package dev.spotifytracker.app;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad setting into Spring Boot's short "APPLICATION FAILED TO START" report
 * instead of a stack trace.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix " + cause.setting() + " (see the configuration table in README.md) and start again.", null);
	}

}
