package dev.spotifytracker.account;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the service and the secrets that guard it.
 *
 * @param appSecret {@code APP_SECRET}: key material for refresh-token encryption;
 * required with an external database, generated into the data folder otherwise
 * @param apiToken {@code TRACKER_API_TOKEN}: bearer token of the job API
 * @param allowedUsers {@code TRACKER_ALLOWED_USERS}: Spotify user ids allowed to sign in
 */
@ConfigurationProperties("tracker.security")
public record AccessProperties(String appSecret, String apiToken, @DefaultValue List<String> allowedUsers) {

	/**
	 * Never prints the secrets.
	 */
	@Override
	public String toString() {
		return "AccessProperties[appSecret="
				+ ((this.appSecret == null || this.appSecret.isBlank()) ? "(not set)" : "(set)") + ", apiToken="
				+ ((this.apiToken == null || this.apiToken.isBlank()) ? "(not set)" : "(set)") + ", allowedUsers="
				+ this.allowedUsers + "]";
	}

}
