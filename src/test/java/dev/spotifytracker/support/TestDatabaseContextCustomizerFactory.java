package dev.spotifytracker.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points every Spring test context at the JVM's one {@link TestDatabase}, so no test can
 * forget it and none starts a database of its own. Registered in
 * {@code META-INF/spring.factories}. A test class annotated {@link OwnDatabaseSettings}
 * is left alone.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (TestContextAnnotationUtils.hasAnnotation(testClass, OwnDatabaseSettings.class)) {
			return null;
		}
		return new TestDatabaseCustomizer();
	}

	private static final class TestDatabaseCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
				org.springframework.test.context.MergedContextConfiguration mergedConfig) {
			TestDatabase database = TestDatabase.get();
			Map<String, Object> values = new HashMap<>();
			values.put("spring.datasource.url", database.jdbcUrl());
			values.put("spring.datasource.username", database.username());
			values.put("spring.datasource.password", database.password());
			// a DATABASE_URL or DB_* in the developer's shell must not win over the test
			// database
			for (String part : new String[] { "url", "host", "port", "name", "user", "password" }) {
				values.put("tracker.database." + part, "");
			}
			TestPropertySources.addAboveTheEnvironment(context.getEnvironment(), "testDatabase", values);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestDatabaseCustomizer;
		}

		@Override
		public int hashCode() {
			return TestDatabaseCustomizer.class.hashCode();
		}

	}

}
