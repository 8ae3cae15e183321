package dev.spotifytracker.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on the test PostgreSQL (see {@link TestDatabase}), with the
 * database emptied before each test, the schedules off and the web server on a random
 * port.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tracker.jobs.schedules-enabled=false")
@ExtendWith(CleanDatabaseExtension.class)
public @interface IntegrationTest {

}
