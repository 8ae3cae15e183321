package dev.spotifytracker.app;

/**
 * A setting that cannot work as given. Start-up stops with the message alone (see
 * {@link InvalidSettingFailureAnalyzer}), so the message is one sentence that names the
 * setting and says what to do.
 */
public class InvalidSettingException extends RuntimeException {

	private final String setting;

	public InvalidSettingException(String setting, String sentence) {
		super(sentence);
		this.setting = setting;
	}

	public String setting() {
		return this.setting;
	}

}
