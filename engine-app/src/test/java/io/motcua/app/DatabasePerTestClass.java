package io.motcua.app;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every integration test class a database of its own ({@code motcua.test.database},
 * which {@link PostgresTestDatabase} creates), and so an application of its own: no test
 * reads what another class left behind, whatever order they run in.
 */
class DatabasePerTestClass implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer(PostgresTestDatabase.PREFIX
				+ testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
				+ ProcessHandle.current().pid());
	}

	/**
	 * Names the database; two test classes never share an application context, as their
	 * customizers differ.
	 */
	private record Customizer(String database) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("database-per-test-class",
						Map.of("motcua.test.database", this.database)));
		}

	}

}
