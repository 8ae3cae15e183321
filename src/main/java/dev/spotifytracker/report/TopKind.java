package dev.spotifytracker.report;

import java.util.Locale;

/**
 * What a top list ranks.
 */
public enum TopKind {

	TRACKS, ARTISTS, ALBUMS;

	static TopKind parse(String value) {
		for (TopKind kind : values()) {
			if (kind.name().toLowerCase(Locale.ROOT).equals(value)) {
				return kind;
			}
		}
		throw new StatsParameterException("Unknown kind " + quoted(value) + ": use tracks, artists or albums.");
	}

	static String quoted(String value) {
		String shown = (value.length() > 40) ? value.substring(0, 40) + "..." : value;
		return "'" + shown + "'";
	}

}
