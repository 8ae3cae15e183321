package dev.spotifytracker.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may reach what. Only the health check and static assets are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		return http.build();
	}

	/**
	 * No passwords: people sign in with Spotify. Declaring this keeps Spring Boot from
	 * creating a default user with a generated password.
	 */
	@Bean
	UserDetailsService noPasswordUsers() {
		return (username) -> {
			throw new UsernameNotFoundException("Sign in with Spotify");
		};
	}

}
