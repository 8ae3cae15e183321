package dev.spotifytracker.account;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.spotify.SpotifyClients;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account module's public face: who is signed in, which accounts they may see, and
 * the owner's invitations.
 */
@Service
public class AccountService {

	private static final Pattern SPOTIFY_USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final AccountRepository accounts;

	private final TokenCipher cipher;

	private final SignInPolicy policy;

	private final AccountJobAccess access;

	private final Clock clock;

	private final SpotifyClients spotify;

	private final ApplicationEventPublisher events;

	AccountService(AccountRepository accounts, TokenCipher cipher, SignInPolicy policy, AccountJobAccess access,
			Clock clock, SpotifyClients spotify, ApplicationEventPublisher events) {
		this.spotify = spotify;
		this.events = events;
		this.accounts = accounts;
		this.cipher = cipher;
		this.policy = policy;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * Stores a completed sign-in: creates the account on first sign-in and keeps the
	 * refresh token encrypted with the time of this authorization.
	 */
	@Transactional
	Account recordSignIn(String spotifyUserId, String displayName, String refreshToken, String scopes) {
		Account.Role role = this.policy.roleFor(spotifyUserId)
			.orElseThrow(() -> new AccessDeniedException(spotifyUserId + " may not sign in"));
		Account account = this.accounts.saveAuthorization(spotifyUserId, displayName, role,
				this.cipher.encrypt(refreshToken, spotifyUserId), scopes, this.clock.instant());
		this.spotify.forget(account.id());
		return account;
	}

	/**
	 * Stores a refresh token given at start-up ({@code SPOTIFY_REFRESH_TOKEN}). Its
	 * authorization time is unknown, so it stays unset. An account that has signed in
	 * with the browser keeps that newer token: the one from the environment is only
	 * remembered as seen.
	 */
	@Transactional
	Account recordBootstrap(String spotifyUserId, String displayName, String refreshToken, String scopes,
			byte[] tokenFingerprint) {
		Account.Role role = this.policy.roleFor(spotifyUserId)
			.orElseThrow(() -> new AccessDeniedException(spotifyUserId + " may not use this service ("
					+ (this.policy.usesConfiguredList() ? "not in TRACKER_ALLOWED_USERS" : "not invited by the owner")
					+ ")"));
		Optional<Account> existing = this.accounts.findBySpotifyUserId(spotifyUserId);
		Account saved = existing.filter((account) -> account.authorizedAt() != null && account.hasRefreshToken())
			.orElseGet(() -> this.accounts.saveAuthorization(spotifyUserId, displayName, role,
					this.cipher.encrypt(refreshToken, spotifyUserId), scopes, null));
		this.accounts.saveBootstrapFingerprint(saved.id(), tokenFingerprint);
		this.spotify.forget(saved.id());
		return saved;
	}

	public Optional<Account> find(AccountId id) {
		return this.accounts.findById(id);
	}

	public Optional<Account> findBySpotifyUserId(String spotifyUserId) {
		return this.accounts.findBySpotifyUserId(spotifyUserId);
	}

	/**
	 * The signed-in person's own account.
	 */
	public Optional<Account> current(Authentication caller) {
		if (caller == null || !caller.isAuthenticated()) {
			return Optional.empty();
		}
		return this.accounts.findBySpotifyUserId(caller.getName()).filter(this.policy::allows);
	}

	/**
	 * The accounts the caller may see: its own, or every account for the owner and the
	 * job API.
	 */
	public List<Account> accessible(Authentication caller) {
		List<AccountId> ids = this.access.accessibleTo(caller);
		return this.accounts.findAll().stream().filter((account) -> ids.contains(account.id())).toList();
	}

	public boolean canAccess(Authentication caller, AccountId account) {
		return this.access.accessibleTo(caller).contains(account);
	}

	/**
	 * @throws AccessDeniedException when the caller may not see that account
	 */
	public Account requireAccess(Authentication caller, AccountId account) {
		if (!canAccess(caller, account)) {
			throw new AccessDeniedException("Not your account");
		}
		return this.accounts.findById(account).orElseThrow(() -> new AccessDeniedException("No such account"));
	}

	public Invitations invitations() {
		return new Invitations(this.policy.usesConfiguredList(),
				this.policy.usesConfiguredList() ? this.policy.configuredUsers() : this.accounts.allowedUsers(),
				SignInPolicy.MAX_USERS - 1);
	}

	/**
	 * The owner allows another Spotify user to sign in.
	 * @throws InvitationException with a message for the settings page
	 */
	@Transactional
	public void allow(Authentication caller, String spotifyUserId) {
		Account owner = requireOwner(caller);
		String id = (spotifyUserId != null) ? spotifyUserId.strip() : "";
		if (this.policy.usesConfiguredList()) {
			throw new InvitationException("TRACKER_ALLOWED_USERS is set: change it to change who may sign in.");
		}
		if (!SPOTIFY_USER_ID.matcher(id).matches()) {
			throw new InvitationException("Enter a Spotify user id (letters, digits, '.', '_' or '-').");
		}
		if (id.equals(owner.spotifyUserId()) || this.accounts.allowedUsers().contains(id)) {
			throw new InvitationException(id + " is already allowed.");
		}
		if (!this.accounts.allowUserWithin(id, owner.id(), SignInPolicy.MAX_USERS - 1)) {
			throw new InvitationException("Spotify's Development Mode allows five users: remove one first.");
		}
	}

	/**
	 * The owner takes back an invitation: the user can no longer sign in, their open
	 * sessions stop working, and their stored refresh token is dropped so nothing syncs
	 * for them any more. Their history stays.
	 */
	@Transactional
	public void disallow(Authentication caller, String spotifyUserId) {
		Account owner = requireOwner(caller);
		if (this.policy.usesConfiguredList()) {
			throw new InvitationException("TRACKER_ALLOWED_USERS is set: change it to change who may sign in.");
		}
		if (owner.spotifyUserId().equals(spotifyUserId)) {
			throw new InvitationException("The owner cannot remove themselves.");
		}
		this.accounts.disallowUser(spotifyUserId);
		this.accounts.findBySpotifyUserId(spotifyUserId).ifPresent((account) -> {
			this.accounts.revoke(account.id());
			this.spotify.forget(account.id());
		});
	}

	/**
	 * Changes the caller's time zone (blank: none) and publishes
	 * {@link AccountTimeZoneChanged} in the same transaction.
	 * @throws InvitationException when the zone is not a known time zone id
	 */
	@Transactional
	public void changeTimeZone(Authentication caller, String zone) {
		Account account = current(caller).orElseThrow(() -> new AccessDeniedException("Not signed in"));
		String changed = null;
		if (zone != null && !zone.isBlank()) {
			try {
				changed = ZoneId.of(zone.strip()).getId();
			}
			catch (java.time.DateTimeException ex) {
				throw new InvitationException("Unknown time zone: " + zone);
			}
		}
		this.accounts.updateTimeZone(account.id(), changed);
		this.events.publishEvent(new AccountTimeZoneChanged(account.id()));
	}

	private Account requireOwner(Authentication caller) {
		return current(caller).filter(Account::isOwner)
			.orElseThrow(() -> new AccessDeniedException("Only the owner manages who may sign in"));
	}

	/**
	 * Who may sign in besides the owner.
	 *
	 * @param fromConfiguration true when {@code TRACKER_ALLOWED_USERS} decides
	 * @param users the allowed Spotify user ids
	 * @param maxInvitations how many the owner may allow
	 */
	public record Invitations(boolean fromConfiguration, List<String> users, int maxInvitations) {

	}

	/**
	 * A settings change that cannot be made, with the sentence to show next to the field.
	 */
	public static class InvitationException extends RuntimeException {

		public InvitationException(String message) {
			super(message);
		}

	}

}
