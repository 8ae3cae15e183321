package dev.spotifytracker.spotify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.spotifytracker.app.AccountId;

/**
 * A credential store in memory that remembers what the client told it.
 */
class InMemoryCredentialStore implements SpotifyCredentialStore {

	private final Map<AccountId, String> refreshTokens = new ConcurrentHashMap<>();

	private final Map<AccountId, AccountHold> holds = new ConcurrentHashMap<>();

	final List<String> rotatedTokens = new CopyOnWriteArrayList<>();

	final List<String> signInReasons = new CopyOnWriteArrayList<>();

	final List<AccountHold> holdCalls = new CopyOnWriteArrayList<>();

	/**
	 * Forgets everything (a store shared by a Spring test context).
	 */
	void clear() {
		this.refreshTokens.clear();
		this.holds.clear();
		this.rotatedTokens.clear();
		this.signInReasons.clear();
		this.holdCalls.clear();
	}

	InMemoryCredentialStore withRefreshToken(AccountId account, String refreshToken) {
		this.refreshTokens.put(account, refreshToken);
		return this;
	}

	InMemoryCredentialStore withHold(AccountId account, Instant notBefore, String reason) {
		this.holds.put(account, new AccountHold(notBefore, reason));
		return this;
	}

	@Override
	public Optional<String> refreshToken(AccountId account) {
		return Optional.ofNullable(this.refreshTokens.get(account));
	}

	@Override
	public void refreshTokenRotated(AccountId account, String refreshToken) {
		this.rotatedTokens.add(refreshToken);
		this.refreshTokens.put(account, refreshToken);
	}

	@Override
	public void signInRequired(AccountId account, String reason) {
		this.signInReasons.add(reason);
		this.refreshTokens.remove(account);
	}

	@Override
	public void holdAllUntil(Instant notBefore, String reason) {
		AccountHold hold = new AccountHold(notBefore, reason);
		this.holdCalls.add(hold);
		this.refreshTokens.keySet().forEach((account) -> this.holds.put(account, hold));
	}

	@Override
	public Optional<AccountHold> hold(AccountId account) {
		return Optional.ofNullable(this.holds.get(account));
	}

}
