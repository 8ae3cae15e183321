package dev.spotifytracker.library;

import java.util.Collection;

import dev.spotifytracker.spotify.Track;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a page's catalog rows in a short transaction of their own, beside the list
 * pass's long one. Catalog rows are shared by every account: inside a pass that lasts as
 * long as its Spotify calls they would stay locked for minutes, and two accounts' passes
 * could deadlock on them. Committed early they are harmless: a catalog row nothing refers
 * to is not part of anyone's library, and the next cleanup removes it if the pass fails.
 * They commit without waiting for the disk: the pass's own commit flushes the log past
 * them.
 */
@Component
class CatalogCommits {

	private final CatalogWriter writer;

	private final TransactionTemplate ownTransaction;

	CatalogCommits(CatalogWriter writer, PlatformTransactionManager transactions) {
		this.writer = writer;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void saveAlbums(Collection<CatalogWriter.AlbumTracks> albums) {
		this.ownTransaction.executeWithoutResult((status) -> this.writer.saveAlbumsQuickly(albums));
	}

	void saveTracks(Collection<Track> tracks) {
		this.ownTransaction.executeWithoutResult((status) -> this.writer.saveTracksQuickly(tracks));
	}

}
