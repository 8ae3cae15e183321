package dev.spotifytracker.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that chooses its own database settings (the database-selection tests), so
 * the shared {@link TestDatabase} is not forced on it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnDatabaseSettings {

}
