package dev.spotifytracker.playlist;

import java.time.Instant;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code playlist_creations} table: a creation is noted before it is sent and
 * forgotten once its answer is recorded (or Spotify refused it). One still noted at the
 * next push means the answer was lost and the playlist may exist.
 */
@Repository
class PlaylistCreations {

	private final JdbcClient jdbc;

	PlaylistCreations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void noteSending(AccountId account, String slug, String name, String description, Instant now) {
		this.jdbc.sql("""
				insert into playlist_creations (account_id, slug, name, description, started_at)
				values (:account, :slug, :name, :description, :now)
				on conflict (account_id, slug) do update set
				  name = excluded.name, description = excluded.description, started_at = excluded.started_at
				""")
			.param("account", account.value())
			.param("slug", slug)
			.param("name", name)
			.param("description", description)
			.param("now", PlaylistMappingRepository.timestamp(now))
			.update();
	}

	Optional<Unanswered> unanswered(AccountId account, String slug) {
		return this.jdbc.sql("select name, description from playlist_creations where account_id = ? and slug = ?")
			.params(account.value(), slug)
			.query((rs, row) -> new Unanswered(rs.getString("name"), rs.getString("description")))
			.optional();
	}

	void forget(AccountId account, String slug) {
		this.jdbc.sql("delete from playlist_creations where account_id = ? and slug = ?")
			.params(account.value(), slug)
			.update();
	}

	/**
	 * A creation sent with this name and description whose answer never came.
	 */
	record Unanswered(String name, String description) {

	}

}
