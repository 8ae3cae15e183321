package dev.spotifytracker.account;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Who may sign in, and with which role a new account starts. With
 * {@code TRACKER_ALLOWED_USERS} set, exactly those users, the first of them the owner.
 * Otherwise the first account becomes the owner and the owner invites up to four more
 * (Development Mode apps allow five users).
 */
@Component
class SignInPolicy {

	static final int MAX_USERS = 5;

	private final AccountRepository accounts;

	private final List<String> configuredUsers;

	SignInPolicy(AccountRepository accounts, AccessProperties properties) {
		this.accounts = accounts;
		this.configuredUsers = properties.allowedUsers()
			.stream()
			.map(String::strip)
			.filter((id) -> !id.isEmpty())
			.toList();
	}

	/**
	 * @return the role the user signs in with, or empty when the user may not sign in
	 */
	Optional<Account.Role> roleFor(String spotifyUserId) {
		Optional<Account> existing = this.accounts.findBySpotifyUserId(spotifyUserId);
		if (!this.configuredUsers.isEmpty()) {
			if (!this.configuredUsers.contains(spotifyUserId)) {
				return Optional.empty();
			}
			return Optional.of(existing.map(Account::role).orElse(roleForConfiguredUser(spotifyUserId)));
		}
		if (existing.isPresent() && existing.get().isOwner()) {
			return Optional.of(Account.Role.OWNER);
		}
		if (ownerMissing()) {
			return Optional.of(Account.Role.OWNER);
		}
		return this.accounts.allowedUsers().contains(spotifyUserId) ? Optional.of(Account.Role.MEMBER)
				: Optional.empty();
	}

	/**
	 * Whether the account may still use the service: an owner removed from
	 * {@code TRACKER_ALLOWED_USERS}, or a member no longer invited, may not.
	 */
	boolean allows(Account account) {
		return roleFor(account.spotifyUserId()).isPresent();
	}

	/**
	 * Whether the next new user to sign in would become the owner: no
	 * {@code TRACKER_ALLOWED_USERS} and no owner yet.
	 */
	boolean wouldMakeTheFirstOwner() {
		return this.configuredUsers.isEmpty() && ownerMissing();
	}

	boolean usesConfiguredList() {
		return !this.configuredUsers.isEmpty();
	}

	List<String> configuredUsers() {
		return this.configuredUsers;
	}

	private Account.Role roleForConfiguredUser(String spotifyUserId) {
		return this.configuredUsers.get(0).equals(spotifyUserId) ? Account.Role.OWNER : Account.Role.MEMBER;
	}

	private boolean ownerMissing() {
		return this.accounts.findAll().stream().noneMatch(Account::isOwner);
	}

}
