package dev.spotifytracker.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Where Spring Security hands over the tokens of a completed sign-in: the refresh token
 * goes, encrypted, into the account's row (created on first sign-in) and nowhere else.
 * Nothing is kept in the session; the Spotify client refreshes access tokens from the
 * stored refresh token.
 */
class AccountAuthorizedClientRepository implements OAuth2AuthorizedClientRepository {

	private final AccountService accounts;

	AccountAuthorizedClientRepository(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
			Authentication principal, HttpServletRequest request) {
		return null;
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		if (client.getRefreshToken() == null) {
			throw new IllegalStateException("Spotify returned no refresh token");
		}
		String displayName = (principal.getPrincipal() instanceof OAuth2User user) ? user.getAttribute("display_name")
				: null;
		this.accounts.recordSignIn(principal.getName(), displayName, client.getRefreshToken().getTokenValue(),
				String.join(" ", client.getAccessToken().getScopes()));
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		// the stored refresh token stays: background jobs keep running after sign-out
	}

}
