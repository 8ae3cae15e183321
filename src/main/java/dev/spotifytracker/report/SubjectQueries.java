package dev.spotifytracker.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.spotifytracker.app.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the catalog knows of a detail page's track, album or artist, and when the account
 * first and last played it, from the library's and the plays module's read models.
 */
@Repository
class SubjectQueries {

	private final JdbcClient jdbc;

	SubjectQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return empty when the catalog does not know the id
	 */
	Optional<SubjectHeading> heading(StatsSubject subject) {
		return switch (subject.kind()) {
			case TRACKS -> this.jdbc.sql("""
					select ct.track_name, ct.album_id, ct.album_name, ct.image_url from catalog_tracks ct
					where ct.track_id = :id
					""")
				.param("id", subject.id())
				.query((rs, row) -> new SubjectHeading(subject, rs.getString("track_name"), rs.getString("image_url"),
						new Link(TopKind.ALBUMS, rs.getString("album_id"), rs.getString("album_name")),
						artists(subject.id())))
				.optional();
			case ALBUMS -> this.jdbc.sql("""
					select ct.album_name, ct.image_url from catalog_tracks ct where ct.album_id = :id
					order by ct.disc_number, ct.track_number, ct.track_id limit 1
					""")
				.param("id", subject.id())
				.query((rs, row) -> new SubjectHeading(subject, rs.getString("album_name"), rs.getString("image_url"),
						null, albumArtists(subject.id())))
				.optional();
			case ARTISTS -> this.jdbc.sql("""
					select a.artist_name from catalog_track_artists a where a.artist_id = :id limit 1
					""")
				.param("id", subject.id())
				.query((rs, row) -> new SubjectHeading(subject, rs.getString("artist_name"), null, null, List.of()))
				.optional();
		};
	}

	/**
	 * When the account's first and last counted plays of the subject's tracks were
	 * reported, whatever the period; both null when it never played them.
	 */
	PlaySpan span(AccountId account, StatsSubject subject) {
		return this.jdbc.sql("""
				select min(cp.played_at) as first_at, max(cp.played_at) as last_at from counted_plays cp
				where cp.account_id = :account""" + subject.tracksOf("cp.track_id"))
			.param("account", account.value())
			.param("subject", subject.id())
			.query((rs, row) -> new PlaySpan(instant(rs.getObject("first_at", OffsetDateTime.class)),
					instant(rs.getObject("last_at", OffsetDateTime.class))))
			.single();
	}

	/**
	 * The album cover of each of these tracks ({@code byTrack}) or albums that has one.
	 */
	Map<String, String> covers(Collection<String> ids, boolean byTrack) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		String key = byTrack ? "track_id" : "album_id";
		Map<String, String> covers = new HashMap<>();
		this.jdbc
			.sql("select " + key + " as id, min(image_url) as image_url from catalog_tracks where " + key
					+ " = any(:ids) group by " + key)
			.param("ids", ids.toArray(String[]::new))
			.query((rs) -> {
				if (rs.getString("image_url") != null) {
					covers.put(rs.getString("id"), rs.getString("image_url"));
				}
			});
		return covers;
	}

	private List<Link> artists(String trackId) {
		return this.jdbc
			.sql("""
					select a.artist_id, a.artist_name from catalog_track_artists a where a.track_id = :id order by a.position
					""")
			.param("id", trackId)
			.query((rs, row) -> new Link(TopKind.ARTISTS, rs.getString("artist_id"), rs.getString("artist_name")))
			.list();
	}

	/** The artists credited on the album's tracks, the most credited first. */
	private List<Link> albumArtists(String albumId) {
		return this.jdbc.sql("""
				select a.artist_id, min(a.artist_name) as artist_name from catalog_tracks ct
				join catalog_track_artists a on a.track_id = ct.track_id
				where ct.album_id = :id
				group by a.artist_id order by count(*) desc, min(a.position), a.artist_id limit 5
				""")
			.param("id", albumId)
			.query((rs, row) -> new Link(TopKind.ARTISTS, rs.getString("artist_id"), rs.getString("artist_name")))
			.list();
	}

	private static Instant instant(OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

	/**
	 * @param imageUrl the album cover Spotify sent, or null
	 * @param album the track's album (tracks only)
	 * @param artists the track's credited artists, or an album's main ones
	 */
	record SubjectHeading(StatsSubject subject, String name, String imageUrl, Link album, List<Link> artists) {

	}

	/** A track, album or artist to link to. */
	record Link(TopKind kind, String id, String name) {

	}

	record PlaySpan(Instant first, Instant last) {

	}

}
