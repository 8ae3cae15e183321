package dev.spotifytracker.report;

/**
 * What a detail page is about: one track, album or artist, whose plays are the plays of
 * its tracks (of an artist: every track that credits it, as the artist top list counts).
 *
 * @param kind which of the three
 * @param id its Spotify id, or a {@code stub:} id of a track known only from an export
 */
public record StatsSubject(TopKind kind, String id) {

	/**
	 * A SQL condition that keeps the subject's tracks of a track id column; it names the
	 * parameter {@code :subject}.
	 */
	String tracksOf(String column) {
		return switch (this.kind) {
			case TRACKS -> " and " + column + " = :subject";
			case ALBUMS ->
				" and " + column + " in (select st.track_id from catalog_tracks st where st.album_id = :subject)";
			case ARTISTS -> " and " + column
					+ " in (select sa.track_id from catalog_track_artists sa where sa.artist_id = :subject)";
		};
	}

	/** The condition for an optional subject: none keeps every track. */
	static String tracksOf(StatsSubject subject, String column) {
		return (subject != null) ? subject.tracksOf(column) : "";
	}

	static String idOf(StatsSubject subject) {
		return (subject != null) ? subject.id() : "";
	}

}
