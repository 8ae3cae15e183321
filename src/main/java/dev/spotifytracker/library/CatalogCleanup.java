package dev.spotifytracker.library;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.spotifytracker.app.AccountId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a full pass: drops the availability of tracks that left the account's library,
 * then every catalog row nothing refers to any more (no account's library, nothing of
 * another module: {@link CatalogReferences}, a play say), in one transaction. Plays are
 * never deleted, so a played track stays with its album and artists. The exclusive
 * catalog lock keeps every catalog write (and so every new reference, which is written
 * with its track) out while the cleanup decides. What a list pass in flight has staged
 * counts as a reference: the pass committed its pages' catalog rows before its list rows,
 * which only its final merge writes.
 */
@Component
class CatalogCleanup {

	private final JdbcClient jdbc;

	private final AvailabilityRepository availability;

	private final TransactionTemplate transaction;

	private final ObjectProvider<CatalogReferences> references;

	CatalogCleanup(JdbcClient jdbc, AvailabilityRepository availability, PlatformTransactionManager transactions,
			ObjectProvider<CatalogReferences> references) {
		this.jdbc = jdbc;
		this.availability = availability;
		this.transaction = new TransactionTemplate(transactions);
		this.references = references;
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
			List<String> outsideEveryLibrary = this.jdbc.sql("""
					select t.id from tracks t
					where not exists (select 1 from liked_tracks l where l.track_id = t.id)
					  and not exists (select 1 from saved_albums s where s.album_id = t.album_id)
					  and not exists (select 1 from library_pass_entries p where p.id = t.id)
					  and not exists (select 1 from library_pass_entries p where p.id = t.album_id)
					""").query(String.class).list();
			Set<String> referenced = new HashSet<>();
			this.references.orderedStream()
				.forEach((refs) -> referenced.addAll(refs.stillReferenced(outsideEveryLibrary)));
			String[] unused = outsideEveryLibrary.stream()
				.filter((track) -> !referenced.contains(track))
				.toArray(String[]::new);
			int tracks = (unused.length == 0) ? 0
					: this.jdbc.sql("delete from tracks where id = any(:ids::text[])").param("ids", unused).update();
			int albums = this.jdbc.sql("""
					delete from albums a
					where not exists (select 1 from saved_albums s where s.album_id = a.id)
					  and not exists (select 1 from tracks t where t.album_id = a.id)
					  and not exists (select 1 from library_pass_entries p where p.id = a.id)
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
