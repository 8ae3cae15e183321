package dev.spotifytracker.library;

import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/**
 * Turns a batch of rows into one PostgreSQL array per column, for multi-row writes of the
 * form {@code insert ... select * from unnest(:a::text[], :b::int[]) ...}: one statement
 * and one round trip per table and page instead of one per row. Every column travels as
 * text (nulls kept) and is cast in SQL, which the driver encodes without surprises.
 */
final class SqlArrays {

	private SqlArrays() {
	}

	static <T> String[] column(Collection<T> rows, Function<T, ?> value) {
		String[] column = new String[rows.size()];
		int i = 0;
		for (T row : rows) {
			Object v = value.apply(row);
			column[i++] = (v != null) ? v.toString() : null;
		}
		return column;
	}

	static String[] of(Collection<String> values) {
		return values.toArray(String[]::new);
	}

	static String instant(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
