package dev.spotifytracker.plays;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.spotifytracker.app.InvalidSettingException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Uploads of the streaming-history export.
 *
 * @param maxMb {@code TRACKER_IMPORT_MAX_MB}: the largest upload, in megabytes (kept a
 * string so a bad value is reported by its variable name)
 * @param uploadDir where uploads wait while they are imported: {@code imports} in the
 * data folder ({@code TRACKER_DATA_DIR}), not the system's temporary folder, which may be
 * small or cleared
 * @param batchRows the rows committed in one transaction; a restart resumes after the
 * last one
 * @param sampleFile an export the Import page offers for download, or null: the demo's
 * generated export, so a newcomer can upload the file the demo imported
 */
@ConfigurationProperties("tracker.imports")
record ImportProperties(@DefaultValue("1024") String maxMb, @DefaultValue("./data/imports") Path uploadDir,
		@DefaultValue("5000") int batchRows, Path sampleFile) {

	static final String MAX_MB_VARIABLE = "TRACKER_IMPORT_MAX_MB";

	static final long DEFAULT_MAX_MB = 1024;

	ImportProperties {
		maxBytes(maxMb);
		if (batchRows < 1) {
			throw new InvalidSettingException("tracker.imports.batch-rows",
					"tracker.imports.batch-rows must be 1 or more, not " + batchRows + ".");
		}
	}

	/**
	 * @return the sample export, when one is set and on disk
	 */
	Optional<Path> sample() {
		return (this.sampleFile != null && Files.isRegularFile(this.sampleFile)) ? Optional.of(this.sampleFile)
				: Optional.empty();
	}

	long maxBytes() {
		return maxBytes(this.maxMb);
	}

	long maxMegabytes() {
		return maxBytes() / (1024 * 1024);
	}

	private static long maxBytes(String maxMb) {
		long megabytes;
		try {
			megabytes = Long.parseLong((maxMb != null) ? maxMb.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw invalid(maxMb);
		}
		// a terabyte is far beyond any export; more is a typo
		if (megabytes < 1 || megabytes > 1024 * 1024) {
			throw invalid(maxMb);
		}
		return megabytes * 1024 * 1024;
	}

	private static InvalidSettingException invalid(String maxMb) {
		return new InvalidSettingException(MAX_MB_VARIABLE, MAX_MB_VARIABLE
				+ " must be a whole number of megabytes between 1 and 1048576, such as 1024, not '" + maxMb + "'.");
	}

}
