package dev.spotifytracker.report;

import java.util.Locale;

/**
 * The figure a top list ranks by; ties go to the other figure, then to the id.
 */
public enum TopOrder {

	PLAYS, TIME;

	static TopOrder parse(String value) {
		for (TopOrder order : values()) {
			if (order.name().toLowerCase(Locale.ROOT).equals(value)) {
				return order;
			}
		}
		throw new StatsParameterException("Unknown by " + TopKind.quoted(value) + ": use plays or time.");
	}

}
