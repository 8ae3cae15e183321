package dev.spotifytracker.library;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a full pass: drops the availability of tracks that left the account's library,
 * then every catalog row nothing refers to any more (no account's library, no play), in
 * one transaction. Plays are never deleted, so a played track stays with its album and
 * artists.
 *
 * <p>
 * The statements read {@code plays}, the plays module's table: a foreign key from plays
 * forbids deleting a played track, and one anti-join is what it takes to know which are
 * (the plays repository has no use for such a query).
 */
@Component
class CatalogCleanup {

	private final JdbcClient jdbc;

	private final AvailabilityRepository availability;

	private final TransactionTemplate transaction;

	CatalogCleanup(JdbcClient jdbc, AvailabilityRepository availability, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.availability = availability;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * @return what was removed, or {@link Removed#POSTPONED} when another sync was
	 * writing the catalog (the next full pass cleans up)
	 */
	Removed run(AccountId account) {
		return this.transaction.execute((status) -> {
			int availability = this.availability.removeOutsideLibrary(account);
			if (!CatalogLock.tryExclusive(this.jdbc)) {
				return new Removed(availability, 0, 0, 0, true);
			}
			int tracks = this.jdbc.sql("""
					delete from tracks t
					where not exists (select 1 from liked_tracks l where l.track_id = t.id)
					  and not exists (select 1 from saved_albums s where s.album_id = t.album_id)
					  and not exists (select 1 from plays p where p.track_id = t.id)
					""").update();
			int albums = this.jdbc.sql("""
					delete from albums a
					where not exists (select 1 from saved_albums s where s.album_id = a.id)
					  and not exists (select 1 from tracks t where t.album_id = a.id)
					""").update();
			int artists = this.jdbc.sql("""
					delete from artists ar
					where not exists (select 1 from album_artists x where x.artist_id = ar.id)
					  and not exists (select 1 from track_artists x where x.artist_id = ar.id)
					""").update();
			return new Removed(availability, tracks, albums, artists, false);
		});
	}

	/**
	 * Rows removed; their credits and availability rows went with them (cascades).
	 */
	record Removed(int availability, int tracks, int albums, int artists, boolean postponed) {

		int catalogRows() {
			return this.tracks + this.albums + this.artists;
		}

	}

}
