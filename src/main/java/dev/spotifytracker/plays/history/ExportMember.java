package dev.spotifytracker.plays.history;

/**
 * A file of the export that holds streaming history.
 *
 * @param name its name: the path inside the zip (folders included), or the uploaded
 * file's name for a loose JSON file
 * @param format the format its name (or, for a loose file, its first row) says
 * @param declaredBytes its uncompressed size as the zip declares it, -1 when unknown
 */
public record ExportMember(String name, ExportFormat format, long declaredBytes) {

}
