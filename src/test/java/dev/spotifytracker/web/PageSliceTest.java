package dev.spotifytracker.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.spotifytracker.account.AccountService;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A page's controller alone, with its templates and the shared layout, in a web slice: no
 * database, no Spotify, no other module's beans (the test mocks the services its
 * controller calls). Starts in about a second, so a change to a page's logic or template
 * is checked at once. Security is Spring Boot's default here (every page needs a
 * signed-in user, posts need CSRF); which routes are public is tested with the whole
 * application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(PageSlice.class)
@MockitoBean(types = AccountService.class)
public @interface PageSliceTest {

	/**
	 * @return the controllers under test
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
