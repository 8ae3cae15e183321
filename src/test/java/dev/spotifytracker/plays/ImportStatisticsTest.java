package dev.spotifytracker.plays;

import dev.spotifytracker.app.AccountId;
import dev.spotifytracker.support.DatabaseTest;
import dev.spotifytracker.support.Viewers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's statistics an import refreshes: rough between batches, in full at its
 * end.
 */
@DatabaseTest
@Import(ImportRepository.class)
class ImportStatisticsTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportRepository imports;

	@BeforeEach
	void twoThousandImportedRows() {
		AccountId account = Viewers.owner(this.jdbc, "alice");
		long importId = this.jdbc.sql("insert into imports (account_id, file_name) values (?, 'a.zip') returning id")
			.param(account.value())
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					insert into import_rows (import_id, account_id, member, row_index, format, ts, ms_played, outcome)
					select ?, ?, 'a.json', i, 'extended', timestamptz '2025-01-01' + i * interval '1 hour', 1000 + i, 'no_uri'
					from generate_series(1, 2000) i
					""")
			.params(importId, account.value())
			.update();
	}

	@Test
	void betweenBatchesTheStatisticsAreRough() {
		this.imports.analyzeRoughly();

		assertThat(histogramBounds()).isBetween(2, 11);
	}

	@Test
	void atTheEndTheyAreInFull() {
		// (not after analyzeRoughly: the test's one transaction would keep its setting)
		this.imports.analyzeInFull();

		assertThat(histogramBounds()).isGreaterThan(11);
	}

	private int histogramBounds() {
		return this.jdbc.sql("""
				select cardinality(histogram_bounds::text::timestamptz[]) from pg_stats
				where schemaname = 'public' and tablename = 'import_rows' and attname = 'ts'
				""").query(Integer.class).single();
	}

}
