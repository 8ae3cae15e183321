package dev.spotifytracker.account;

import java.time.Instant;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyCredentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gives the Spotify client the account's refresh token (decrypted only here) and keeps
 * what it learns: a rotated token, a refused one, a rate-limit hold.
 */
@Component
class AccountCredentialStore implements SpotifyCredentialStore {

	private static final Logger log = LoggerFactory.getLogger(AccountCredentialStore.class);

	private final AccountRepository accounts;

	private final TokenCipher cipher;

	AccountCredentialStore(AccountRepository accounts, TokenCipher cipher) {
		this.accounts = accounts;
		this.cipher = cipher;
	}

	@Override
	public Optional<String> refreshToken(AccountId account) {
		Optional<Account> found = this.accounts.findById(account);
		if (found.isEmpty() || found.get().needsSignIn()) {
			return Optional.empty();
		}
		String user = found.get().spotifyUserId();
		return this.accounts.encryptedRefreshToken(account).flatMap((sealed) -> {
			try {
				return Optional.of(this.cipher.decrypt(sealed, user));
			}
			catch (TokenCipher.UndecryptableTokenException ex) {
				log.warn("Account {}: {}; it must sign in again", user, ex.getMessage());
				return Optional.empty();
			}
		});
	}

	@Override
	public void refreshTokenRotated(AccountId account, String refreshToken) {
		this.accounts.findById(account)
			.ifPresent((found) -> this.accounts.updateRefreshToken(account,
					this.cipher.encrypt(refreshToken, found.spotifyUserId())));
	}

	@Override
	public void signInRequired(AccountId account, String reason) {
		this.accounts.markNeedsSignIn(account);
		log.warn("Account {} must sign in again: {}", account, reason);
	}

	@Override
	public void holdUntil(AccountId account, Instant notBefore, String reason) {
		this.accounts.holdUntil(account, notBefore, reason);
		log.warn("Account {}: Spotify asked to wait until {} ({})", account, notBefore, reason);
	}

	@Override
	public void holdAllUntil(Instant notBefore, String reason) {
		this.accounts.holdAllUntil(notBefore, reason);
		log.warn("Every account: Spotify asked to wait until {} ({})", notBefore, reason);
	}

	@Override
	public Optional<AccountHold> hold(AccountId account) {
		return this.accounts.findById(account)
			.filter((found) -> found.notBefore() != null)
			.map((found) -> new AccountHold(found.notBefore(), found.notBeforeReason()));
	}

}
