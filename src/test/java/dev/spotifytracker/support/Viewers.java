package dev.spotifytracker.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;

/**
 * Accounts and signed-in sessions for the page tests: an account row as sign-in leaves
 * it, and a MockMvc session of that Spotify user (the name attribute is Spotify's
 * {@code id}, as after a real sign-in).
 */
public final class Viewers {

	private Viewers() {
	}

	public static AccountId owner(JdbcClient jdbc, String spotifyUserId) {
		return create(jdbc, spotifyUserId, "owner", null);
	}

	public static AccountId member(JdbcClient jdbc, String spotifyUserId) {
		return create(jdbc, spotifyUserId, "member", null);
	}

	public static AccountId create(JdbcClient jdbc, String spotifyUserId, String role, String timeZone) {
		long id = jdbc
			.sql("""
					insert into accounts (spotify_user_id, display_name, role, refresh_token_encrypted, authorized_at, time_zone)
					values (?, ?, ?, ?, ?, ?) returning id
					""")
			.params(spotifyUserId, Character.toUpperCase(spotifyUserId.charAt(0)) + spotifyUserId.substring(1), role,
					new byte[] { 1 }, Timestamp.from(Instant.now()), timeZone)
			.query(Long.class)
			.single();
		if (!"owner".equals(role)) {
			// a member signs in because the owner allowed them
			jdbc.sql("insert into allowed_users (spotify_user_id) values (?) on conflict do nothing")
				.param(spotifyUserId)
				.update();
		}
		return new AccountId(id);
	}

	public static RequestPostProcessor signedInAs(String spotifyUserId, String role) {
		return oauth2Login().oauth2User(new DefaultOAuth2User(
				List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT))),
				Map.of("id", spotifyUserId, "display_name", spotifyUserId), "id"));
	}

	public static RequestPostProcessor signedInAs(String spotifyUserId) {
		return signedInAs(spotifyUserId, "owner");
	}

}
