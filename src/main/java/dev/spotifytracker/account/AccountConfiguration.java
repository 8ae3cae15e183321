package dev.spotifytracker.account;

import dev.spotifytracker.app.DatabaseChoice;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	@Bean
	TokenCipher tokenCipher(AccessProperties properties, DatabaseChoice database) {
		return new TokenCipher(AppSecret.resolve(properties.appSecret(), database));
	}

}
