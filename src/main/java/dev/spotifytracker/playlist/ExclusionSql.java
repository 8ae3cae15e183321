package dev.spotifytracker.playlist;

/**
 * The account's exclusions as SQL conditions on a candidate track, shared by the
 * built-ins' queries and the rule compiler so every smart playlist leaves out the same
 * things: tracks kept out of every playlist ({@code excluded_tracks}), and tracks, albums
 * and artists kept out of every playlist or of this one ({@code playlist_exclusions}).
 *
 * <p>
 * The conditions bind {@code :account} and {@code :exclusionPlaylist} (the playlist's
 * slug; {@link #NO_PLAYLIST} for a rule not yet stored). An album or artist condition
 * starts from the few exclusions and reaches their tracks through the catalog's indexes,
 * so the candidates meet them in one hashed anti-join instead of a look-up each.
 */
final class ExclusionSql {

	/** The slug of no playlist: only what is kept out of every playlist applies. */
	static final String NO_PLAYLIST = "";

	private ExclusionSql() {
	}

	/**
	 * @param track the candidate's track id column
	 * @return conditions to append to a {@code where}, each starting with {@code and}
	 */
	static String notExcluded(String track) {
		// one anti-join against every excluded track at once: as four "not exists", each
		// over a table of a few rows, PostgreSQL rescanned each table once per candidate
		return """
				      and not exists (select 1 from (
				          select xt.track_id from excluded_tracks xt where xt.account_id = :account
				          union all
				          select xp.spotify_id from playlist_exclusions xp
				          where xp.account_id = :account and xp.kind = 'track' and xp.playlist = :exclusionPlaylist
				          union all
				          select xc.track_id from playlist_exclusions xp
				          join catalog_tracks xc on xc.album_id = xp.spotify_id
				          where xp.account_id = :account and xp.kind = 'album'
				            and (xp.playlist is null or xp.playlist = :exclusionPlaylist)
				          union all
				          select xa.track_id from playlist_exclusions xp
				          join catalog_track_artists xa on xa.artist_id = xp.spotify_id
				          where xp.account_id = :account and xp.kind = 'artist'
				            and (xp.playlist is null or xp.playlist = :exclusionPlaylist)
				        ) excluded where excluded.track_id = %1$s)
				""".formatted(track);
	}

}
