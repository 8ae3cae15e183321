package dev.spotifytracker.account;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTest {

	private static final String TOKEN = "AQD-refresh-token-of-alice-0123456789";

	private final TokenCipher cipher = new TokenCipher("a-long-enough-app-secret-for-tests");

	@Test
	void encryptedTokenDecryptsForItsAccount() {
		byte[] sealed = this.cipher.encrypt(TOKEN, "alice");

		assertThat(this.cipher.decrypt(sealed, "alice")).isEqualTo(TOKEN);
	}

	@Test
	void storedBytesDoNotContainTheToken() {
		byte[] sealed = this.cipher.encrypt(TOKEN, "alice");

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN)
			.doesNotContain(TOKEN.substring(0, 8));
	}

	@Test
	void eachEncryptionUsesAFreshNonce() {
		assertThat(this.cipher.encrypt(TOKEN, "alice")).isNotEqualTo(this.cipher.encrypt(TOKEN, "alice"));
	}

	@Test
	void aTokenCopiedToAnotherAccountDoesNotDecrypt() {
		byte[] sealed = this.cipher.encrypt(TOKEN, "alice");

		assertThatThrownBy(() -> this.cipher.decrypt(sealed, "mallory"))
			.isInstanceOf(TokenCipher.UndecryptableTokenException.class);
	}

	@Test
	void anotherSecretCannotDecrypt() {
		byte[] sealed = this.cipher.encrypt(TOKEN, "alice");

		assertThatThrownBy(() -> new TokenCipher("another-secret-of-sufficient-length").decrypt(sealed, "alice"))
			.isInstanceOf(TokenCipher.UndecryptableTokenException.class);
	}

	@Test
	void alteredBytesAreRefused() {
		byte[] sealed = this.cipher.encrypt(TOKEN, "alice");
		sealed[sealed.length - 1] ^= 1;

		assertThatThrownBy(() -> this.cipher.decrypt(sealed, "alice"))
			.isInstanceOf(TokenCipher.UndecryptableTokenException.class);
	}

	@Test
	void fingerprintIsStableAndKeyed() {
		assertThat(this.cipher.fingerprint(TOKEN)).isEqualTo(this.cipher.fingerprint(TOKEN))
			.isNotEqualTo(this.cipher.fingerprint(TOKEN + "x"))
			.isNotEqualTo(new TokenCipher("another-secret-of-sufficient-length").fingerprint(TOKEN));
	}

}
