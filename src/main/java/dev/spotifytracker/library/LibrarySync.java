package dev.spotifytracker.library;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.spotifytracker.job.JobContext;
import dev.spotifytracker.job.JobResult;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One sync of an account's library: the saved albums (with their tracks), then the liked
 * tracks, each in its own transaction, then, after a full pass or a removal, the catalog
 * cleanup. The stages are independent: a failure in the second leaves the first committed
 * and the second as it was.
 */
@Component
class LibrarySync {

	private final ListSync lists;

	private final SavedAlbumsList savedAlbums;

	private final LikedTracksList likedTracks;

	private final CatalogCleanup cleanup;

	private final ApplicationEventPublisher events;

	LibrarySync(ListSync lists, SavedAlbumsList savedAlbums, LikedTracksList likedTracks, CatalogCleanup cleanup,
			ApplicationEventPublisher events) {
		this.lists = lists;
		this.savedAlbums = savedAlbums;
		this.likedTracks = likedTracks;
		this.cleanup = cleanup;
		this.events = events;
	}

	JobResult sync(JobContext context, SyncMode mode) {
		ListSync.Progress progress = new StageProgress(context);
		ListSync.ListOutcome albums = this.lists.sync(context.account(), context.spotify(), this.savedAlbums, mode,
				progress);
		report(context, albums);
		announce(context, albums.changed());
		ListSync.ListOutcome liked = this.lists.sync(context.account(), context.spotify(), this.likedTracks, mode,
				progress);
		report(context, liked);
		announce(context, liked.changed());
		int changed = albums.changed() + liked.changed();
		StringBuilder message = new StringBuilder().append(summary(albums)).append("; ").append(summary(liked));
		boolean removals = albums.removed() + liked.removed() > 0;
		if (mode == SyncMode.RECONCILE || removals) {
			CatalogCleanup.Removed removed = this.cleanup.run(context.account());
			if (removed.postponed()) {
				context.info("Catalog cleanup postponed: another sync is writing the catalog");
			}
			else if (removed.catalogRows() > 0) {
				context.info("Catalog cleanup removed {} tracks, {} albums and {} artists nothing refers to",
						removed.tracks(), removed.albums(), removed.artists());
				message.append("; ").append(removed.catalogRows()).append(" unused catalog rows removed");
			}
			changed += removed.availability();
			announce(context, removed.availability());
		}
		return new JobResult(changed, message.toString());
	}

	/**
	 * Each stage commits on its own, so each change is told as soon as it is stored.
	 */
	private void announce(JobContext context, int changes) {
		if (changes > 0) {
			this.events.publishEvent(new LibraryChanged(context.account(), changes));
		}
	}

	private static void report(JobContext context, ListSync.ListOutcome outcome) {
		if (outcome.fullPassReason() != null) {
			context.info("Full pass of {}: {}", outcome.list(), outcome.fullPassReason());
		}
		context.info("{}: {} on Spotify, {} pages read, {} added or re-dated, {} removed, {} availability changes",
				outcome.list(), outcome.total(), outcome.pagesRead(), outcome.listed(), outcome.removed(),
				outcome.availability());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("total", outcome.total());
		detail.put("pages", outcome.pagesRead());
		detail.put("fullPass", outcome.fullPass());
		detail.put("added", outcome.listed());
		detail.put("removed", outcome.removed());
		detail.put("availabilityChanges", outcome.availability());
		context.detail(outcome.list().replace(' ', '_'), detail);
	}

	private static String summary(ListSync.ListOutcome outcome) {
		return outcome.list() + ": " + outcome.listed() + " added, " + outcome.removed() + " removed"
				+ (outcome.fullPass() ? " (full pass)" : "");
	}

	/**
	 * Reports entries read out of the list's total, one list after the other.
	 */
	private record StageProgress(JobContext context) implements ListSync.Progress {

		@Override
		public void pageRead(String list, int entriesRead, int total) {
			this.context.progress(entriesRead, total);
		}

	}

}
