package dev.spotifytracker.plays;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import dev.spotifytracker.app.LocalSecretFile;
import dev.spotifytracker.plays.history.StreamingHistoryReader;
import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reader of uploaded exports, and the servlet's multipart settings: an upload streams
 * to a file in the data folder as it arrives (never into memory, never to the system's
 * temporary folder), and one over {@code TRACKER_IMPORT_MAX_MB} is refused with a 413
 * ({@link UploadLimitAdvice}). Spring Boot's own multipart settings stand back for this
 * bean.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

	/** Room for the other parts of the form (the CSRF token) besides the file. */
	private static final long FORM_OVERHEAD_BYTES = 64 * 1024;

	@Bean
	StreamingHistoryReader streamingHistoryReader() {
		return new StreamingHistoryReader();
	}

	@Bean
	MultipartConfigElement multipartConfigElement(ImportProperties properties) {
		Path incoming = incoming(properties);
		// threshold 0: every part goes to disk at once
		return new MultipartConfigElement(incoming.toString(), properties.maxBytes(),
				properties.maxBytes() + FORM_OVERHEAD_BYTES, 0);
	}

	static Path incoming(ImportProperties properties) {
		Path folder = properties.uploadDir().toAbsolutePath().normalize().resolve("incoming");
		try {
			LocalSecretFile.createPrivateDirectories(properties.uploadDir().toAbsolutePath().normalize());
			LocalSecretFile.createPrivateDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the upload folder " + folder, ex);
		}
		return folder;
	}

}
