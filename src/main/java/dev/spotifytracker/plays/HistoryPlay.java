package dev.spotifytracker.plays;

import java.time.Instant;

/**
 * A play as the history page lists it.
 *
 * @param startedAt {@code playedAt} minus the time listened (or the track's length)
 * @param msPlayed how long it was listened to, or null when unknown (a polled play)
 * @param durationMs the track's length, or null
 * @param hidden whether its owner hid it (it counts nowhere)
 */
record HistoryPlay(long id, Instant playedAt, Instant startedAt, String trackId, String trackName, String artists,
		String albumName, Integer msPlayed, Integer durationMs, String source, boolean hidden) {

	/**
	 * @return the time listened, else the track's length, else null
	 */
	public Integer listenedMs() {
		return (this.msPlayed != null) ? this.msPlayed : this.durationMs;
	}

	public boolean imported() {
		return PlayWrites.HISTORY_IMPORT.equals(this.source);
	}

	/**
	 * @return the keyset cursor of the page after this play
	 */
	public String cursor() {
		return this.playedAt + "~" + this.id;
	}

}
