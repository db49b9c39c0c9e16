package io.motcua.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the features of the application apart: no cycles, other features use only a
 * feature's root package, and only {@code workflow} speaks Camunda or names the model's
 * elements. With {@code -Dmotcua.docs=true} it also writes the module diagrams into
 * {@code docs/modules}.
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(MotcuaApplication.class);

	/** Camunda's API, and the model's element ids and variables, stay in workflow. */
	static final ArchRule ONLY_WORKFLOW_SPEAKS_CAMUNDA = noClasses().that()
		.resideInAPackage("io.motcua.app..")
		.and()
		.resideOutsideOfPackage("io.motcua.app.workflow..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.camunda..", "io.motcua.processes..")
		.because("a move to another Camunda 7 fork must change only the workflow package");

	@Test
	void featuresDependOnEachOtherOnlyThroughTheirPublicFace() {
		modules.verify();
	}

	@Test
	void theFeaturesAreTheOnesTheDesignNames() {
		assertThat(modules.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder("catalog", "documents",
				"dossier", "intake", "lifecycle", "metrics", "operations", "outbound", "portal", "broker", "security",
				"audit", "signature", "sla", "supervision", "system", "web", "workflow");
	}

	@Test
	void onlyWorkflowSpeaksCamunda() {
		ONLY_WORKFLOW_SPEAKS_CAMUNDA
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("io.motcua.app"));
	}

	@Test
	void theCamundaRuleCatchesAClassOutsideWorkflowThatUsesTheEngine() {
		// TestClock moves the engine's clock: were it production code, the rule would
		// refuse it
		JavaClasses outsider = new ClassFileImporter().importClasses(TestClock.class);
		assertThat(ONLY_WORKFLOW_SPEAKS_CAMUNDA.evaluate(outsider).hasViolation()).isTrue();
	}

	@Test
	void theEngineReportsToTheLifecycleWithoutKnowingIt() {
		ApplicationModule workflow = modules.getModuleByName("workflow").orElseThrow();
		assertThat(
				workflow.getDependencies(modules).stream().map((dependency) -> dependency.getTargetModule().getName()))
			.doesNotContain("dossier", "sla", "lifecycle", "signature", "documents", "intake", "web");
		ApplicationModule dossier = modules.getModuleByName("dossier").orElseThrow();
		assertThat(
				dossier.getDependencies(modules).stream().map((dependency) -> dependency.getTargetModule().getName()))
			.doesNotContain("workflow", "sla", "lifecycle", "documents");
	}

	@Test
	@EnabledIfSystemProperty(named = "motcua.docs", matches = "true")
	void writesModuleDiagramsWhenTheirContentChanged() throws IOException {
		Path written = Files.createTempDirectory("modules");
		Path docs = Path.of("../docs/modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(written.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		Files.createDirectories(docs);
		try (Stream<Path> files = Files.list(written)) {
			files.sorted().forEach((file) -> {
				Path target = docs.resolve(file.getFileName().toString());
				try {
					if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(target))) {
						Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
					}
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		Files.delete(written);
		assertThat(docs.resolve("components.puml")).exists();
	}

}
