package io.motcua.app;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the features of the application modules: no cycles, and other features use only a
 * feature's root package. Writes the module diagram into {@code docs/modules}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MotcuaApplication.class);

	@Test
	void featuresDependOnEachOtherOnlyThroughTheirPublicFace() {
		this.modules.verify();
	}

	@Test
	void writesModuleDiagram() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
