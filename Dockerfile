# syntax=docker/dockerfile:1

# Base images are pinned by digest (the tag they were taken from is in the comment above each);
# Dependabot (.github/dependabot.yml) proposes the newer digest when the tag moves.

# Build with the Maven wrapper: dependencies first, so a code change reuses their layer.
# eclipse-temurin:17-jdk
FROM eclipse-temurin:17-jdk@sha256:5d6042fb8cdc14d614e4e421f52e3211fc5aeadddce44cbf9de8ed37c791f824 AS build
# the wrapper checks the Maven zip against distributionSha256Sum; without unzip it would fetch
# the tar.gz instead, whose checksum differs
RUN apt-get update && apt-get install -y --no-install-recommends unzip && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true \
	&& java -Djarmode=tools -jar target/spotify-tracker-*.jar extract --layers --launcher --destination /extracted

# Run on a JRE as a non-root user.
# eclipse-temurin:17-jre
FROM eclipse-temurin:17-jre@sha256:207ecae0b2b104dfc6dfa763d1e9cd2041cb344800a180e24cb1a28ed533ff90
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
	&& useradd --system --uid 10001 --create-home --home-dir /home/tracker tracker \
	&& mkdir -p /app/data && chown tracker /app/data
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER tracker
# Sized for a 512 MB container: half of it for the heap, the rest for metaspace, threads,
# code cache and the JVM itself.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m" \
	TRACKER_DATA_DIR=/app/data \
	PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
	CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
