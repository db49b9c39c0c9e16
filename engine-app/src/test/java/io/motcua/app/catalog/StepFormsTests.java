package io.motcua.app.catalog;

import java.io.InputStream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

import io.motcua.forms.FormDefinition;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step form that the lifecycle names exists in the forms module and can be
 * validated against; the processes module cannot check this, as it does not depend on
 * forms.
 */
class StepFormsTests {

	@Test
	void everyStepFormOfTheLifecycleIsBundled() throws Exception {
		BpmnModelInstance model;
		try (InputStream in = getClass().getResourceAsStream("/bpmn/dossier-lifecycle.bpmn")) {
			model = Bpmn.readModelFromStream(in);
		}
		int forms = 0;
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			if (task.getExtensionElements() == null) {
				continue;
			}
			for (CamundaProperties properties : task.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaProperties.class)
				.list()) {
				for (CamundaProperty property : properties.getCamundaProperties()) {
					if (DossierLifecycle.PROPERTY_FORM.equals(property.getCamundaName())) {
						assertThat(FormDefinition.bundled(property.getCamundaValue()).id())
							.isEqualTo(property.getCamundaValue());
						forms++;
					}
				}
			}
		}
		assertThat(forms).isEqualTo(2);
	}

}
