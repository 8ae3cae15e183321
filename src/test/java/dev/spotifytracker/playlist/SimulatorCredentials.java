package dev.spotifytracker.playlist;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyCredentialStore;

/**
 * Refresh tokens the simulator issued, per account, in memory: the Spotify client of the
 * application context reads them instead of the account module's encrypted ones.
 */
class SimulatorCredentials implements SpotifyCredentialStore {

	private final Map<AccountId, String> refreshTokens = new ConcurrentHashMap<>();

	private final Map<AccountId, AccountHold> holds = new ConcurrentHashMap<>();

	void put(AccountId account, String refreshToken) {
		this.refreshTokens.put(account, refreshToken);
	}

	@Override
	public Optional<String> refreshToken(AccountId account) {
		return Optional.ofNullable(this.refreshTokens.get(account));
	}

	@Override
	public void refreshTokenRotated(AccountId account, String refreshToken) {
		this.refreshTokens.put(account, refreshToken);
	}

	@Override
	public void signInRequired(AccountId account, String reason) {
		this.refreshTokens.remove(account);
	}

	@Override
	public void holdAllUntil(Instant notBefore, String reason) {
		this.refreshTokens.keySet().forEach((account) -> this.holds.put(account, new AccountHold(notBefore, reason)));
	}

	void clearHold(AccountId account) {
		this.holds.remove(account);
	}

	@Override
	public Optional<AccountHold> hold(AccountId account) {
		return Optional.ofNullable(this.holds.get(account));
	}

}
