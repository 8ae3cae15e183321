package dev.spotifytracker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build pulls from elsewhere is pinned to exactly what was reviewed, and
 * Dependabot proposes the updates: the Maven distribution by its checksum, the base
 * images by digest, the workflow actions by commit.
 */
class SupplyChainTest {

	private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s*)?uses:\\s*(\\S+)", Pattern.MULTILINE);

	private static final Pattern FROM = Pattern.compile("^FROM\\s+(\\S+)", Pattern.MULTILINE);

	@Test
	void theMavenWrapperChecksTheDistributionItDownloads() throws IOException {
		Properties wrapper = new Properties();
		try (InputStream in = Files.newInputStream(Path.of(".mvn/wrapper/maven-wrapper.properties"))) {
			wrapper.load(in);
		}

		assertThat(wrapper.getProperty("distributionUrl")).startsWith("https://repo.maven.apache.org/maven2/");
		assertThat(wrapper.getProperty("distributionSha256Sum")).matches("[0-9a-f]{64}");
	}

	@Test
	void everyWorkflowActionIsPinnedToACommitAndEveryWorkflowLimitsItsToken() throws IOException {
		List<Path> workflows = files(Path.of(".github/workflows"));
		assertThat(workflows).isNotEmpty();
		for (Path workflow : workflows) {
			String text = Files.readString(workflow);
			Matcher uses = USES.matcher(text);
			while (uses.find()) {
				assertThat(uses.group(1)).as(workflow + ": " + uses.group(1))
					.matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
			}
			assertThat(text).as(workflow + " sets the token's permissions").containsPattern("(?m)^permissions:");
		}
	}

	@Test
	void everyBaseImageIsPinnedByDigest() throws IOException {
		Matcher from = FROM.matcher(Files.readString(Path.of("Dockerfile")));
		int images = 0;
		while (from.find()) {
			images++;
			assertThat(from.group(1)).as(from.group(0)).matches("[\\w./:-]+@sha256:[0-9a-f]{64}");
		}
		assertThat(images).isPositive();
	}

	@Test
	void dependabotWatchesMavenActionsAndDocker() throws IOException {
		String dependabot = Files.readString(Path.of(".github/dependabot.yml"));

		assertThat(dependabot).contains("package-ecosystem: maven", "package-ecosystem: github-actions",
				"package-ecosystem: docker");
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml"))
				.sorted()
				.toList();
		}
	}

}
