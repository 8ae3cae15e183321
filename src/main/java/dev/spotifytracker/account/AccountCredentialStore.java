package dev.spotifytracker.account;

import java.time.Instant;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyCredentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the Spotify client the account's refresh token (decrypted only here) and keeps
 * what it learns: a rotated token, a refused one, a rate-limit hold.
 *
 * <p>
 * What it learns is written in a transaction of its own and committed at once: the call
 * that taught it usually runs inside a job's transaction, whose rollback must not take a
 * rotated refresh token (the old one no longer works) or a hold with it.
 */
@Component
class AccountCredentialStore implements SpotifyCredentialStore {

	private static final Logger log = LoggerFactory.getLogger(AccountCredentialStore.class);

	private final AccountRepository accounts;

	private final TokenCipher cipher;

	private final TransactionTemplate ownTransaction;

	AccountCredentialStore(AccountRepository accounts, TokenCipher cipher, PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.cipher = cipher;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
		this.ownTransaction.executeWithoutResult((status) -> this.accounts.findById(account)
			.ifPresent((found) -> this.accounts.updateRefreshToken(account,
					this.cipher.encrypt(refreshToken, found.spotifyUserId()))));
	}

	@Override
	public void signInRequired(AccountId account, String reason) {
		this.ownTransaction.executeWithoutResult((status) -> this.accounts.markNeedsSignIn(account));
		log.warn("Account {} must sign in again: {}", account, reason);
	}

	@Override
	public void holdAllUntil(Instant notBefore, String reason) {
		this.ownTransaction.executeWithoutResult((status) -> this.accounts.holdAllUntil(notBefore, reason));
		log.warn("Every account: Spotify asked to wait until {} ({})", notBefore, reason);
	}

	@Override
	public Optional<AccountHold> hold(AccountId account) {
		return this.accounts.findById(account)
			.filter((found) -> found.notBefore() != null)
			.map((found) -> new AccountHold(found.notBefore(), found.notBeforeReason()));
	}

}
