package dev.spotifytracker.playlist;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one push of a smart playlist did.
 *
 * @param slug the smart playlist's slug
 * @param name its name
 * @param spotifyPlaylistId the playlist, or null when none exists (its creation failed)
 * @param created whether this push created the playlist
 * @param change {@code none} (already up to date), {@code edit} (removals and positioned
 * insertions), {@code replace} (full replace), {@code skipped} (the user removed the
 * playlist), {@code unconfirmed} (a rule playlist's first result is empty: not created
 * until the user confirms) or {@code failed}
 * @param tracks how many tracks the playlist should hold
 * @param added tracks that were not in the last push
 * @param removed tracks of the last push that are gone
 * @param calls Spotify calls this push sent (retries not counted)
 * @param status the mapping's state afterwards, or null when there is no mapping
 * @param error why it failed, or null
 */
public record PublishOutcome(String slug, String name, String spotifyPlaylistId, boolean created, String change,
		int tracks, int added, int removed, int calls, MappingStatus status, String error) {

	public static final String UNCONFIRMED = "unconfirmed";

	public boolean failed() {
		return this.error != null;
	}

	/**
	 * A first push of an empty result, not sent: the user must confirm it.
	 */
	public boolean awaitsConfirmation() {
		return UNCONFIRMED.equals(this.change);
	}

	/**
	 * The outcome as a job run's structured detail (plain values, JSON-friendly).
	 */
	Map<String, Object> toDetail() {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("slug", this.slug);
		detail.put("name", this.name);
		detail.put("playlistId", this.spotifyPlaylistId);
		detail.put("created", this.created);
		detail.put("change", this.change);
		detail.put("tracks", this.tracks);
		detail.put("added", this.added);
		detail.put("removed", this.removed);
		detail.put("calls", this.calls);
		detail.put("status", (this.status != null) ? this.status.value() : null);
		detail.put("error", this.error);
		return detail;
	}

}
