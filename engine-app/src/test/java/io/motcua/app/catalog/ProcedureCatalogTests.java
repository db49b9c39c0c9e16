package io.motcua.app.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcedureCatalogTests {

	private static final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private static final String VALID = """
			code: TEST-01
			version: 1
			name: "Thủ tục thử"
			field: "Thử nghiệm"
			processingDays: 2.5
			fee: 0
			requiredDocuments:
			  - type: DON
			    name: "Đơn"
			    copies: 1
			    required: true
			    formats: [pdf]
			formId: test-form
			processKey: dossier-lifecycle
			processingUnitType: COMMUNE
			onlineAllowed: true
			supplementResumeMode: CONTINUE
			""";

	@TempDir
	Path folder;

	@Test
	void loadsTheShippedCatalog() {
		ProcedureCatalog catalog = new ProcedureCatalog(validator);
		assertThat(catalog.all()).extracting(Procedure::code)
			.contains("HKD-01", "CTBS-01", "KH-01", "GPXD-01", "CMD-01");
		assertThat(catalog.find("HKD-01")).get().satisfies((procedure) -> {
			assertThat(procedure.processKey()).isEqualTo("dossier-lifecycle");
			assertThat(procedure.requiredDocuments()).isNotEmpty();
		});
	}

	@Test
	void readsTheCutOffTime() throws IOException {
		Files.writeString(this.folder.resolve("late.yaml"), VALID + "cutOffTime: \"15:00\"\n");
		ProcedureCatalog catalog = new ProcedureCatalog(location(), validator);
		assertThat(catalog.find("TEST-01")).get().extracting(Procedure::cutOffTime).hasToString("15:00");
	}

	@Test
	void loadsAValidDescriptor() throws IOException {
		Files.writeString(this.folder.resolve("test-01.yaml"), VALID);
		ProcedureCatalog catalog = new ProcedureCatalog(location(), validator);
		assertThat(catalog.find("TEST-01")).get().extracting(Procedure::processingDays).hasToString("2.5");
	}

	@Test
	void missingFieldStopsLoadingNamingFileAndField() throws IOException {
		Files.writeString(this.folder.resolve("broken.yaml"), VALID.replace("formId: test-form\n", ""));
		assertThatThrownBy(() -> new ProcedureCatalog(location(), validator)).hasMessageContaining("broken.yaml")
			.hasMessageContaining("formId");
	}

	@Test
	void wrongTypeStopsLoadingNamingFileAndField() throws IOException {
		Files.writeString(this.folder.resolve("typo.yaml"),
				VALID.replace("processingDays: 2.5", "processingDays: soon"));
		assertThatThrownBy(() -> new ProcedureCatalog(location(), validator)).hasMessageContaining("typo.yaml")
			.hasMessageContaining("processingDays");
	}

	@Test
	void unknownFieldStopsLoadingNamingIt() throws IOException {
		Files.writeString(this.folder.resolve("extra.yaml"), VALID + "colour: red\n");
		assertThatThrownBy(() -> new ProcedureCatalog(location(), validator)).hasMessageContaining("extra.yaml")
			.hasMessageContaining("colour");
	}

	@Test
	void ruleViolationsStopLoadingNamingEachField() throws IOException {
		Files.writeString(this.folder.resolve("rules.yaml"),
				VALID.replace("processingDays: 2.5", "processingDays: 0").replace("formats: [pdf]", "formats: [exe]"));
		assertThatThrownBy(() -> new ProcedureCatalog(location(), validator)).hasMessageContaining("rules.yaml")
			.hasMessageContaining("processingDays")
			.hasMessageContaining("requiredDocuments[0].formats");
	}

	@Test
	void duplicateCodeStopsLoading() throws IOException {
		Files.writeString(this.folder.resolve("a.yaml"), VALID);
		Files.writeString(this.folder.resolve("b.yaml"), VALID);
		assertThatThrownBy(() -> new ProcedureCatalog(location(), validator)).hasMessageContaining("b.yaml")
			.hasMessageContaining("TEST-01");
	}

	private String location() {
		return "file:" + this.folder.toAbsolutePath() + "/*.yaml";
	}

}
