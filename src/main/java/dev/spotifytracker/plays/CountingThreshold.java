package dev.spotifytracker.plays;

import java.util.Map;
import java.util.TreeMap;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.library.CatalogService;
import dev.spotifytracker.library.TrackStub;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shortest stream of an imported history that counts as a play (DESIGN.md
 * "Counting"). Changing it changes which plays count everywhere, in one transaction: a
 * higher threshold leaves shorter imported plays out of {@code counted_plays}; a lower
 * one turns the import rows that were too short and now count into plays (merged with
 * polled plays like any import), since every raw row is kept for exactly this. The
 * rollups are rebuilt and the smart playlists marked due.
 */
@Service
class CountingThreshold {

	private final PlaySettings settings;

	private final PlayRollups rollups;

	private final ApplicationEventPublisher events;

	private final ImportRepository imports;

	private final PlayWrites writes;

	private final CatalogService catalog;

	private final JdbcClient jdbc;

	CountingThreshold(PlaySettings settings, PlayRollups rollups, ApplicationEventPublisher events,
			ImportRepository imports, PlayWrites writes, CatalogService catalog, JdbcClient jdbc) {
		this.settings = settings;
		this.rollups = rollups;
		this.events = events;
		this.imports = imports;
		this.writes = writes;
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	int seconds(AccountId account) {
		return this.settings.thresholdMs(account) / 1000;
	}

	/**
	 * @param seconds what the person typed
	 * @throws IllegalArgumentException with one sentence when it is no whole number of
	 * seconds from 0 to 600
	 */
	@Transactional
	void change(AccountId account, String seconds) {
		int value = parse(seconds);
		if (value * 1000 == this.settings.thresholdMs(account)) {
			return;
		}
		this.settings.setThresholdMs(account, value * 1000);
		countShortRowsNowLongEnough(account, value * 1000);
		this.rollups.rebuild(account);
		this.events.publishEvent(new PlaysStored(account, 0));
	}

	private void countShortRowsNowLongEnough(AccountId account, int thresholdMs) {
		Map<Long, long[]> rowsByImport = new TreeMap<>();
		this.jdbc.sql("""
				select import_id, array_agg(id order by id) as ids from import_rows
				where account_id = :account and outcome = 'short' and ms_played >= :threshold
				group by import_id
				""")
			.param("account", account.value())
			.param("threshold", thresholdMs)
			.query((rs, n) -> rowsByImport.put(rs.getLong("import_id"), toLongs(rs.getArray("ids"))))
			.list();
		rowsByImport.forEach((importId, rows) -> {
			this.imports.reclassify(account, rows, thresholdMs);
			this.catalog.saveStubs(this.jdbc.sql("""
					select track_id, track_name, album_name, artist_name from import_rows
					where id = any(:rows) and outcome = 'pending' and track_id is not null
					""")
				.param("rows", rows)
				.query((rs, n) -> new TrackStub(rs.getString("track_id"), rs.getString("track_name"),
						rs.getString("album_name"), rs.getString("artist_name")))
				.list());
			this.writes.applyImportRows(account, importId, rows);
		});
	}

	private static long[] toLongs(java.sql.Array array) throws java.sql.SQLException {
		Long[] values = (Long[]) array.getArray();
		return java.util.Arrays.stream(values).mapToLong(Long::longValue).toArray();
	}

	private static int parse(String seconds) {
		int max = PlaySettings.MAX_THRESHOLD_MS / 1000;
		String sentence = "The shortest play must be a whole number of seconds from 0 to " + max + ".";
		if (seconds == null || !seconds.strip().matches("\\d{1,4}")) {
			throw new IllegalArgumentException(sentence);
		}
		int value = Integer.parseInt(seconds.strip());
		if (value > max) {
			throw new IllegalArgumentException(sentence);
		}
		return value;
	}

}
