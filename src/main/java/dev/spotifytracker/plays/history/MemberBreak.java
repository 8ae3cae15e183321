package dev.spotifytracker.plays.history;

/**
 * Where and why reading a file of the export stopped early. The rows before it were
 * delivered; nothing at or after it was.
 *
 * @param atRow the index of the row being read when it broke (so also the number of rows,
 * good and bad, before it)
 * @param reason one sentence for the user, naming the file
 */
public record MemberBreak(int atRow, String reason) {

}
