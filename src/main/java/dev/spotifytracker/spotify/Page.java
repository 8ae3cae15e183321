package dev.spotifytracker.spotify;

import java.util.List;

/**
 * One page of a Spotify list.
 *
 * @param total the list's length as Spotify reports it
 * @param hasNext whether Spotify gave a {@code next} link
 * @param leftOut entries of the page that carried no track or album (Spotify answers
 * {@code null} for one it no longer serves): counted in {@code total} and the offsets,
 * but not in {@code items}
 */
public record Page<T>(List<T> items, int offset, int limit, int total, boolean hasNext, int leftOut) {

	public Page {
		items = List.copyOf(items);
	}

	/**
	 * @return the entries Spotify listed on this page, those left out included
	 */
	public int entries() {
		return this.items.size() + this.leftOut;
	}

	/**
	 * @return the offset of the page after this one
	 */
	public int nextOffset() {
		return this.offset + entries();
	}

	/**
	 * @return whether another page should be read: Spotify says so, and this page had
	 * entries (an empty page that claims a next one would loop forever)
	 */
	public boolean continues() {
		return this.hasNext && entries() > 0;
	}

}
