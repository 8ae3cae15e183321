package dev.spotifytracker.library;

import java.util.Collection;

import dev.spotifytracker.spotify.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a page's catalog rows in a short transaction of their own, never inside the list
 * pass's merge (or any transaction a caller holds). Catalog rows are shared by every
 * account: held until a pass's merge they would stay locked for minutes, and two
 * accounts' passes could deadlock on them. Committed early they are harmless: a catalog
 * row nothing refers to is not part of anyone's library, the cleanup keeps what a pass in
 * flight staged, and the next cleanup removes it if the pass fails. They commit without
 * waiting for the disk: the pass's merge commit flushes the log past them. While the
 * catalog grows fast, its statistics are refreshed ({@link CatalogStatistics}).
 */
@Component
class CatalogCommits {

	private static final Logger log = LoggerFactory.getLogger(CatalogCommits.class);

	private final CatalogWriter writer;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final CatalogStatistics statistics = new CatalogStatistics();

	CatalogCommits(CatalogWriter writer, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.writer = writer;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void saveAlbums(Collection<CatalogWriter.AlbumTracks> albums) {
		wrote(this.ownTransaction.execute((status) -> this.writer.saveAlbumsQuickly(albums)));
	}

	void saveTracks(Collection<Track> tracks) {
		wrote(this.ownTransaction.execute((status) -> this.writer.saveTracksQuickly(tracks)));
	}

	private void wrote(int rows) {
		if (this.statistics.wrote(rows)) {
			// its own short transaction: ANALYZE holds a lock that would block autovacuum
			// and
			// other analyses for as long as the pass lasts
			long catalogRows = this.ownTransaction.execute((status) -> {
				this.jdbc.sql("analyze artists, albums, album_artists, tracks, track_artists").update();
				return this.jdbc.sql("""
						select coalesce(sum(greatest(reltuples, 0)), 0)::bigint from pg_class
						where oid in ('artists'::regclass, 'albums'::regclass, 'tracks'::regclass)
						""").query(Long.class).single();
			});
			this.statistics.analysed(catalogRows);
			log.debug("Catalog analysed at {} rows", catalogRows);
		}
	}

}
