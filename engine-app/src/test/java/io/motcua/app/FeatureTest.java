package io.motcua.app;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * A feature tested on its own (Spring Modulith's {@code @ApplicationModuleTest}): only
 * its own beans and those of the features it uses, on an in-memory H2 database of its own
 * (the embedded default's engine, Flyway's H2 migrations), with the demo organisation.
 * Stimulate it and wait for the outcome with Modulith's {@code Scenario}. The
 * cross-cutting {@code system} (the clock, health, error answers) is always there, also
 * for a feature that uses none of its beans by type.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "system")
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:feature-${random.uuid};DB_CLOSE_DELAY=-1",
		"motcua.documents.storage-dir=target/feature-tests/${random.uuid}/documents",
		"motcua.signature.key-store-dir=target/feature-tests/keys", "camunda.bpm.job-execution.enabled=false",
		"camunda.bpm.generate-unique-process-engine-name=true" })
public @interface FeatureTest {

}
