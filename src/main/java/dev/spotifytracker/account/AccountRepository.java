package dev.spotifytracker.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code accounts} and {@code allowed_users} tables.
 */
@Repository
class AccountRepository {

	private static final String COLUMNS = """
			id, spotify_user_id, display_name, role, authorized_at, refresh_token_encrypted is not null as has_token,
			needs_sign_in, not_before, not_before_reason, time_zone, created_at
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Account> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from accounts order by id").query(AccountRepository::map).list();
	}

	Optional<Account> findById(AccountId id) {
		return this.jdbc.sql("select " + COLUMNS + " from accounts where id = ?")
			.param(id.value())
			.query(AccountRepository::map)
			.optional();
	}

	Optional<Account> findBySpotifyUserId(String spotifyUserId) {
		return this.jdbc.sql("select " + COLUMNS + " from accounts where spotify_user_id = ?")
			.param(spotifyUserId)
			.query(AccountRepository::map)
			.optional();
	}

	Optional<Account> findByBootstrapFingerprint(byte[] fingerprint) {
		return this.jdbc.sql("select " + COLUMNS + " from accounts where bootstrap_token_fingerprint = ?")
			.param(fingerprint)
			.query(AccountRepository::map)
			.optional();
	}

	void saveBootstrapFingerprint(AccountId id, byte[] fingerprint) {
		this.jdbc.sql("update accounts set bootstrap_token_fingerprint = ? where id = ?")
			.params(fingerprint, id.value())
			.update();
	}

	long count() {
		return this.jdbc.sql("select count(*) from accounts").query(Long.class).single();
	}

	/**
	 * Creates the account or, when it exists, stores its new authorization. Clears any
	 * "needs sign-in" flag: a fresh token works.
	 */
	Account saveAuthorization(String spotifyUserId, String displayName, Account.Role roleIfNew,
			byte[] encryptedRefreshToken, String scopes, Instant authorizedAt) {
		long id = this.jdbc
			.sql("""
					insert into accounts (spotify_user_id, display_name, role, refresh_token_encrypted, scopes, authorized_at)
					values (:user, :name, :role, :token, :scopes, :at)
					on conflict (spotify_user_id) do update set
					  display_name = coalesce(excluded.display_name, accounts.display_name),
					  refresh_token_encrypted = excluded.refresh_token_encrypted,
					  scopes = excluded.scopes, authorized_at = excluded.authorized_at,
					  needs_sign_in = false, updated_at = now()
					returning id
					""")
			.param("user", spotifyUserId)
			.param("name", displayName)
			.param("role", roleIfNew.value())
			.param("token", encryptedRefreshToken)
			.param("scopes", scopes)
			.param("at", (authorizedAt != null) ? Timestamp.from(authorizedAt) : null)
			.query(Long.class)
			.single();
		return findById(new AccountId(id)).orElseThrow();
	}

	Optional<byte[]> encryptedRefreshToken(AccountId id) {
		return this.jdbc.sql("select refresh_token_encrypted from accounts where id = ?")
			.param(id.value())
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.filter((bytes) -> bytes != null);
	}

	void updateRefreshToken(AccountId id, byte[] encryptedRefreshToken) {
		this.jdbc.sql("update accounts set refresh_token_encrypted = ?, updated_at = now() where id = ?")
			.params(encryptedRefreshToken, id.value())
			.update();
	}

	void markNeedsSignIn(AccountId id) {
		this.jdbc.sql("update accounts set needs_sign_in = true, updated_at = now() where id = ?")
			.param(id.value())
			.update();
	}

	/**
	 * Holds every account until {@code notBefore}, keeping a later hold where one exists.
	 */
	void holdAllUntil(Instant notBefore, String reason) {
		this.jdbc.sql("""
				update accounts set not_before = :until, not_before_reason = :reason, updated_at = now()
				where not_before is null or not_before < :until
				""").param("until", Timestamp.from(notBefore)).param("reason", reason).update();
	}

	void updateTimeZone(AccountId id, String timeZone) {
		this.jdbc.sql("update accounts set time_zone = ?, updated_at = now() where id = ?")
			.params(timeZone, id.value())
			.update();
	}

	List<String> allowedUsers() {
		return this.jdbc.sql("select spotify_user_id from allowed_users order by allowed_at, spotify_user_id")
			.query(String.class)
			.list();
	}

	/**
	 * Allows the user unless {@code limit} users are allowed already. The table lock
	 * keeps two concurrent invitations from both counting the same rows and passing the
	 * limit.
	 * @return whether the user was added
	 */
	boolean allowUserWithin(String spotifyUserId, AccountId allowedBy, int limit) {
		this.jdbc.sql("lock table allowed_users in share row exclusive mode").update();
		return this.jdbc.sql("""
				insert into allowed_users (spotify_user_id, allowed_by)
				select :user, :owner where (select count(*) from allowed_users) < :limit
				on conflict (spotify_user_id) do nothing
				""").param("user", spotifyUserId).param("owner", allowedBy.value()).param("limit", limit).update() == 1;
	}

	/**
	 * Drops the account's refresh token: it can sync nothing until its user signs in
	 * again.
	 */
	void revoke(AccountId id) {
		this.jdbc.sql("""
				update accounts set refresh_token_encrypted = null, needs_sign_in = true,
				  bootstrap_token_fingerprint = null, updated_at = now() where id = ?
				""").param(id.value()).update();
	}

	void disallowUser(String spotifyUserId) {
		this.jdbc.sql("delete from allowed_users where spotify_user_id = ?").param(spotifyUserId).update();
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		return new Account(new AccountId(rs.getLong("id")), rs.getString("spotify_user_id"),
				rs.getString("display_name"), Account.Role.of(rs.getString("role")), instant(rs, "authorized_at"),
				rs.getBoolean("has_token"), rs.getBoolean("needs_sign_in"), instant(rs, "not_before"),
				rs.getString("not_before_reason"), rs.getString("time_zone"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
