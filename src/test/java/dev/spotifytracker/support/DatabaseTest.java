package dev.spotifytracker.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/**
 * A repository or query test with the database only: the test PostgreSQL (see
 * {@link TestDatabase}) with the schema by Flyway, a {@code JdbcClient}, and the classes
 * the test imports; no web server, no Spotify, no other module. Each test runs in a
 * transaction rolled back at its end, on a database emptied before it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ExtendWith(CleanDatabaseExtension.class)
public @interface DatabaseTest {

}
