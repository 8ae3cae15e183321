package dev.spotifytracker.plays;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pairs export rows with polled plays one to one, nearest pairs first: the closest
 * candidate pair is taken, then the closest of those whose row and play are both still
 * free, and so on. Ties go to the lower row, then the lower play, so the outcome does not
 * depend on the order the candidates came in. Pure: the import reads the candidates with
 * SQL and writes the chosen pairs with SQL.
 */
final class NearestPairs {

	private final List<Candidate> candidates = new ArrayList<>();

	/**
	 * @param row the export row (its number in the batch)
	 * @param play the polled play's id
	 * @param distanceMicros how far apart they are, in either direction
	 */
	void add(int row, long play, long distanceMicros) {
		this.candidates.add(new Candidate(row, play, Math.abs(distanceMicros)));
	}

	/**
	 * @return the pairs, nearest first
	 */
	List<Pair> pairs() {
		Candidate[] sorted = this.candidates.toArray(Candidate[]::new);
		Arrays.sort(sorted, (a, b) -> (a.distance != b.distance) ? Long.compare(a.distance, b.distance)
				: (a.row != b.row) ? Integer.compare(a.row, b.row) : Long.compare(a.play, b.play));
		Set<Integer> rowsTaken = new HashSet<>();
		Set<Long> playsTaken = new HashSet<>();
		List<Pair> pairs = new ArrayList<>();
		for (Candidate candidate : sorted) {
			if (!rowsTaken.contains(candidate.row) && !playsTaken.contains(candidate.play)) {
				rowsTaken.add(candidate.row);
				playsTaken.add(candidate.play);
				pairs.add(new Pair(candidate.row, candidate.play));
			}
		}
		return pairs;
	}

	private record Candidate(int row, long play, long distance) {

	}

	/**
	 * An export row merged into a polled play.
	 */
	record Pair(int row, long play) {

	}

}
