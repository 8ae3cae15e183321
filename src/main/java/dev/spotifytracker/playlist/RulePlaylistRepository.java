package dev.spotifytracker.playlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * JdbcClient over {@code rule_playlists}.
 */
@Repository
class RulePlaylistRepository {

	private final JdbcClient jdbc;

	RulePlaylistRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<StoredRulePlaylist> findAll(AccountId account) {
		return this.jdbc.sql("""
				select slug, name, document, created_at, updated_at from rule_playlists
				where account_id = :account order by created_at, slug
				""").param("account", account.value()).query(RulePlaylistRepository::row).list();
	}

	Optional<StoredRulePlaylist> find(AccountId account, String slug) {
		return this.jdbc.sql("""
				select slug, name, document, created_at, updated_at from rule_playlists
				where account_id = :account and slug = :slug
				""")
			.param("account", account.value())
			.param("slug", slug)
			.query(RulePlaylistRepository::row)
			.optional();
	}

	/**
	 * Holds the account's rule playlists still until the transaction ends, so two
	 * creations cannot both see the 19th place free or the same slug unused.
	 */
	void lock(AccountId account) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('rule_playlists'), :account::int)")
			.param("account", account.value())
			.query((rs) -> {
			});
	}

	void insert(AccountId account, String slug, String name, String document) {
		this.jdbc.sql("""
				insert into rule_playlists (account_id, slug, name, document) values (:account, :slug, :name, :document)
				""")
			.param("account", account.value())
			.param("slug", slug)
			.param("name", name)
			.param("document", document)
			.update();
	}

	boolean update(AccountId account, String slug, String name, String document) {
		return this.jdbc.sql("""
				update rule_playlists set name = :name, document = :document, updated_at = now()
				where account_id = :account and slug = :slug
				""")
			.param("account", account.value())
			.param("slug", slug)
			.param("name", name)
			.param("document", document)
			.update() == 1;
	}

	boolean delete(AccountId account, String slug) {
		return this.jdbc.sql("delete from rule_playlists where account_id = :account and slug = :slug")
			.param("account", account.value())
			.param("slug", slug)
			.update() == 1;
	}

	private static StoredRulePlaylist row(ResultSet rs, int row) throws SQLException {
		return new StoredRulePlaylist(rs.getString("slug"), rs.getString("name"), rs.getString("document"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
