package dev.spotifytracker.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for refresh tokens at rest. The key is derived from the app secret with
 * PBKDF2; each value gets a random nonce, and the Spotify user id is bound in as
 * associated data, so a token copied to another account's row does not decrypt. Stored
 * form: version byte, 12-byte nonce, ciphertext with its tag.
 */
final class TokenCipher {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final byte[] SALT = "spotify-tracker/refresh-token/v1".getBytes(StandardCharsets.UTF_8);

	private static final int ITERATIONS = 210_000;

	private final SecretKey key;

	private final SecretKey fingerprintKey;

	private final SecureRandom random = new SecureRandom();

	TokenCipher(String appSecret) {
		byte[] derived = derive(appSecret);
		this.key = new SecretKeySpec(derived, 0, 32, "AES");
		this.fingerprintKey = new SecretKeySpec(derived, 32, 32, "HmacSHA256");
	}

	/**
	 * A keyed fingerprint (HMAC-SHA256) of a token: recognises a token seen before
	 * without storing it in a form that could be used.
	 */
	byte[] fingerprint(String token) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.fingerprintKey);
			return mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	byte[] encrypt(String plainText, String spotifyUserId) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(spotifyUserId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * @throws UndecryptableTokenException when the value was sealed with another secret,
	 * for another account, or altered
	 */
	String decrypt(byte[] stored, String spotifyUserId) {
		if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
			throw new UndecryptableTokenException();
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
			cipher.updateAAD(spotifyUserId.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (javax.crypto.AEADBadTagException ex) {
			throw new UndecryptableTokenException();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * 64 bytes from the app secret: the AES key, then the fingerprint key.
	 */
	private static byte[] derive(String appSecret) {
		try {
			PBEKeySpec spec = new PBEKeySpec(appSecret.toCharArray(), SALT, ITERATIONS, 512);
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2 is not available", ex);
		}
	}

	/**
	 * A stored token that does not decrypt: most often {@code APP_SECRET} changed.
	 */
	static final class UndecryptableTokenException extends RuntimeException {

		UndecryptableTokenException() {
			super("The stored refresh token does not decrypt with the current APP_SECRET");
		}

	}

}
