package io.motcua.processes;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules the lifecycle model must keep for the application to read it: every user task
 * names its outcomes, every declared status is one the dossier knows, ids say what an
 * element is, history has a time to live, and every id the application uses exists.
 */
class DossierLifecycleModelTests {

	private static final Set<String> STATUSES = Set.of("RECEIVED", "IN_PROGRESS", "AWAITING_SUPPLEMENT", "APPROVED",
			"REJECTED", "SIGNED", "RESULT_READY", "RETURNED", "WITHDRAWN", "RETURNED_UNPROCESSED");

	private static BpmnModelInstance model;

	@BeforeAll
	static void readModel() throws Exception {
		try (InputStream in = DossierLifecycleModelTests.class.getResourceAsStream("/bpmn/dossier-lifecycle.bpmn")) {
			model = Bpmn.readModelFromStream(in);
		}
		Bpmn.validateModel(model);
	}

	@Test
	void everyUserTaskNamesItsOutcomesAndACandidateGroup() {
		Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
		assertThat(tasks).hasSize(4);
		for (UserTask task : tasks) {
			assertThat(property(task, DossierLifecycle.PROPERTY_OUTCOMES)).as(task.getId()).isNotBlank();
			assertThat(task.getCamundaCandidateGroups()).as(task.getId())
				.matches("\\$\\{(processingUnit|receivingUnit)}:[A-Z]+");
			assertThat(task.getName()).as(task.getId()).isNotBlank();
		}
	}

	@Test
	void everyDeclaredStatusIsADossierStatus() {
		List<String> declared = new ArrayList<>();
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			String status = property(element, DossierLifecycle.PROPERTY_DOSSIER_STATUS);
			if (status != null) {
				declared.add(status);
			}
		}
		assertThat(declared).isNotEmpty().allMatch(STATUSES::contains);
		assertThat(declared).contains("IN_PROGRESS", "AWAITING_SUPPLEMENT", "APPROVED", "REJECTED", "SIGNED",
				"RESULT_READY", "RETURNED", "WITHDRAWN", "RETURNED_UNPROCESSED");
	}

	@Test
	void idsSayWhatAnElementIs() {
		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			String id = element.getId();
			if (id == null || element instanceof Process) {
				continue;
			}
			assertThat(id).as("generated ids are not allowed").doesNotMatch(".*_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$");
			if (element instanceof FlowElement) {
				assertThat(id).matches("(StartEvent|EndEvent|Event|Timer|Task|Gateway|SubProcess|Flow)_[A-Z][A-Za-z]+");
			}
		}
	}

	@Test
	void historyHasATimeToLive() {
		Process process = model.getModelElementById(DossierLifecycle.PROCESS_KEY);
		assertThat(process).isNotNull();
		assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
		assertThat(process.isExecutable()).isTrue();
	}

	@Test
	void everyElementIdTheApplicationUsesExists() throws IllegalAccessException {
		for (Field field : DossierLifecycle.class.getFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			String name = field.getName();
			if (name.startsWith("TASK_") || name.startsWith("TIMER_") || name.startsWith("EVENT_")
					|| name.startsWith("END_") || name.startsWith("SUB_PROCESS_")) {
				String id = (String) field.get(null);
				assertThat((Object) model.getModelElementById(id)).as(name + " = " + id).isNotNull();
			}
		}
	}

	private static String property(BaseElement element, String name) {
		if (element.getExtensionElements() == null) {
			return null;
		}
		return element.getExtensionElements()
			.getElementsQuery()
			.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
			.list()
			.stream()
			.flatMap((properties) -> properties.getCamundaProperties().stream())
			.filter((property) -> name.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst()
			.orElse(null);
	}

}
