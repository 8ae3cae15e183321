package dev.spotifytracker.library;

/**
 * An artist credited on library tracks.
 */
public record LibraryArtist(String id, String name, int libraryTracks) {

}
