package dev.spotifytracker.plays;

import java.util.List;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tracks an account played that the catalog knows only from an imported export
 * (stubs), most-played first: the order in which the enrichment asks Spotify about them.
 */
@Repository
class StubQueue {

	private final JdbcClient jdbc;

	StubQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return up to {@code limit} stub track ids of the account, by counted plays (then
	 * all its plays) descending, then id; tracks Spotify answered 404 for are left out
	 */
	List<String> next(AccountId account, int limit) {
		return this.jdbc.sql("""
				select p.track_id
				from plays p
				join catalog_tracks ct on ct.track_id = p.track_id
				left join counted_plays cp on cp.id = p.id
				where p.account_id = :account and ct.is_stub and ct.not_found_at is null
				group by p.track_id
				order by count(cp.id) desc, count(*) desc, p.track_id
				limit :limit
				""").param("account", account.value()).param("limit", limit).query(String.class).list();
	}

	int size(AccountId account) {
		return this.jdbc.sql("""
				select count(distinct p.track_id)
				from plays p
				join catalog_tracks ct on ct.track_id = p.track_id
				where p.account_id = :account and ct.is_stub and ct.not_found_at is null
				""").param("account", account.value()).query(Integer.class).single();
	}

}
