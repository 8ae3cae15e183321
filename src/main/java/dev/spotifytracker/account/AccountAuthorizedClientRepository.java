package dev.spotifytracker.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
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
		try {
			this.accounts.recordSignIn(principal.getName(), displayName, client.getRefreshToken().getTokenValue(),
					String.join(" ", client.getAccessToken().getScopes()));
		}
		catch (AccessDeniedException | DuplicateKeyException ex) {
			// lost a race: someone else became the owner, or the invitation was taken
			// back meanwhile
			throw new OAuth2AuthenticationException(
					new OAuth2Error(SpotifyUserService.NOT_ALLOWED, principal.getName() + " may not sign in", null),
					ex);
		}
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		// the stored refresh token stays: background jobs keep running after sign-out
	}

}
