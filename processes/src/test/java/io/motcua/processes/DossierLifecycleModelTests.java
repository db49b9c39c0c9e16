package io.motcua.processes;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Rules the lifecycle model must keep for the application to read it: every user task
 * names its outcomes, every declared status is one the dossier knows, ids say what an
 * element is, history has a time to live, every id the application uses exists, nothing
 * runs Java or script code, and the diagram is complete enough to open in Camunda
 * Modeler.
 */
class DossierLifecycleModelTests {

	private static final String RESOURCE = "/bpmn/dossier-lifecycle.bpmn";

	private static final Set<String> STATUSES = Set.of("RECEIVED", "IN_PROGRESS", "AWAITING_SUPPLEMENT", "APPROVED",
			"REJECTED", "SIGNED", "VERIFICATION_FAILED", "RESULT_READY", "RETURNED", "WITHDRAWN",
			"RETURNED_UNPROCESSED");

	private static final List<String> CONSTANT_PREFIXES = List.of("START_", "SUB_PROCESS_", "TASK_", "GATEWAY_",
			"TIMER_", "EVENT_", "END_", "FLOW_");

	private static BpmnModelInstance model;

	private static String xml;

	@BeforeAll
	static void readModel() throws IOException {
		try (InputStream in = DossierLifecycleModelTests.class.getResourceAsStream(RESOURCE)) {
			xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try (InputStream in = DossierLifecycleModelTests.class.getResourceAsStream(RESOURCE)) {
			model = Bpmn.readModelFromStream(in);
		}
		Bpmn.validateModel(model);
	}

	@Test
	void everyUserTaskNamesItsOutcomesAndACandidateGroup() {
		Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
		assertThat(tasks).hasSize(4);
		for (UserTask task : tasks) {
			assertThat(property(task, DossierLifecycle.PROPERTY_OUTCOMES)).as(task.getId())
				.isNotBlank()
				.matches("[A-Z_]+(,[A-Z_]+)*");
			assertThat(task.getCamundaCandidateGroups()).as(task.getId())
				.matches("\\$\\{(processingUnit|receivingUnit)}:[A-Z]+");
			assertThat(task.getName()).as(task.getId()).isNotBlank();
			assertThat(task.getDocumentations()).as(task.getId() + " documentation").isNotEmpty();
		}
	}

	@Test
	void userTasksShareTheWholeProcessingTime() {
		Map<String, Integer> shares = new HashMap<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			String share = property(task, DossierLifecycle.PROPERTY_SLA_SHARE);
			assertThat(share).as(task.getId() + " " + DossierLifecycle.PROPERTY_SLA_SHARE).matches("[1-9][0-9]?");
			shares.put(task.getId(), Integer.parseInt(share));
		}
		assertThat(shares).containsOnly(entry(DossierLifecycle.TASK_REVIEW_DOSSIER, 60),
				entry(DossierLifecycle.TASK_APPROVE_DOSSIER, 20), entry(DossierLifecycle.TASK_SIGN_RESULT, 10),
				entry(DossierLifecycle.TASK_RETURN_RESULT, 10));
		assertThat(shares.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
	}

	@Test
	void userTasksOfferTheAgreedOutcomesToTheAgreedGroups() {
		Map<String, String> outcomes = new HashMap<>();
		Map<String, String> groups = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			outcomes.put(task.getId(), property(task, DossierLifecycle.PROPERTY_OUTCOMES));
			groups.put(task.getId(), task.getCamundaCandidateGroups());
			names.put(task.getId(), task.getName());
		}
		assertThat(outcomes).containsOnly(
				entry(DossierLifecycle.TASK_REVIEW_DOSSIER, "PROPOSE_APPROVAL,PROPOSE_REJECTION,REQUEST_SUPPLEMENT"),
				entry(DossierLifecycle.TASK_APPROVE_DOSSIER, "APPROVE,SEND_BACK"),
				entry(DossierLifecycle.TASK_SIGN_RESULT, "SIGN"), entry(DossierLifecycle.TASK_RETURN_RESULT, "RETURN"));
		assertThat(groups).containsOnly(entry(DossierLifecycle.TASK_REVIEW_DOSSIER, "${processingUnit}:SPECIALIST"),
				entry(DossierLifecycle.TASK_APPROVE_DOSSIER, "${processingUnit}:APPROVER"),
				entry(DossierLifecycle.TASK_SIGN_RESULT, "${processingUnit}:APPROVER"),
				entry(DossierLifecycle.TASK_RETURN_RESULT, "${receivingUnit}:CLERK"));
		assertThat(names).containsOnly(entry(DossierLifecycle.TASK_REVIEW_DOSSIER, "Thẩm định hồ sơ"),
				entry(DossierLifecycle.TASK_APPROVE_DOSSIER, "Phê duyệt"),
				entry(DossierLifecycle.TASK_SIGN_RESULT, "Ký kết quả"),
				entry(DossierLifecycle.TASK_RETURN_RESULT, "Trả kết quả"));
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
	}

	@Test
	void elementsDeclareTheAgreedStatuses() {
		Map<String, String> statuses = new HashMap<>();
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			String status = property(element, DossierLifecycle.PROPERTY_DOSSIER_STATUS);
			if (status != null) {
				assertThat(element).as(element.getId() + " is a flow node").isInstanceOf(FlowNode.class);
				statuses.put(element.getId(), status);
			}
		}
		assertThat(statuses).containsOnly(entry(DossierLifecycle.TASK_REVIEW_DOSSIER, "IN_PROGRESS"),
				entry(DossierLifecycle.TASK_AWAIT_SUPPLEMENT, "AWAITING_SUPPLEMENT"),
				entry(DossierLifecycle.EVENT_APPROVED, "APPROVED"), entry(DossierLifecycle.EVENT_REJECTED, "REJECTED"),
				entry(DossierLifecycle.EVENT_RESULT_SIGNED, "SIGNED"),
				entry(DossierLifecycle.TASK_AWAIT_SIGNING_AGAIN, "VERIFICATION_FAILED"),
				entry(DossierLifecycle.EVENT_APPROVAL_TO_SIGN_AGAIN, "APPROVED"),
				entry(DossierLifecycle.EVENT_REJECTION_TO_SIGN_AGAIN, "REJECTED"),
				entry(DossierLifecycle.TASK_RETURN_RESULT, "RESULT_READY"),
				entry(DossierLifecycle.END_RESULT_RETURNED, "RETURNED"),
				entry(DossierLifecycle.END_WITHDRAWN, "WITHDRAWN"),
				entry(DossierLifecycle.END_RETURNED_UNPROCESSED, "RETURNED_UNPROCESSED"));
	}

	@Test
	void idsSayWhatAnElementIs() {
		for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
			String id = element.getId();
			if (id == null || element instanceof Process) {
				continue;
			}
			// Camunda Modeler generates ids such as Activity_0x1y2z3 or Flow_1abcd2e.
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
		assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("180");
		assertThat(process.isExecutable()).isTrue();
	}

	@Test
	void everyElementIdTheApplicationUsesExists() throws IllegalAccessException {
		int checked = 0;
		for (Field field : DossierLifecycle.class.getFields()) {
			String name = field.getName();
			if (Modifier.isStatic(field.getModifiers()) && CONSTANT_PREFIXES.stream().anyMatch(name::startsWith)) {
				String id = (String) field.get(null);
				assertThat((Object) model.getModelElementById(id)).as(name + " = " + id).isNotNull();
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(20);
	}

	@Test
	void messagesAndErrorTheApplicationUsesExist() {
		assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
			.containsExactlyInAnyOrder(DossierLifecycle.MESSAGE_SUPPLEMENT_RECEIVED,
					DossierLifecycle.MESSAGE_WITHDRAWAL_REQUESTED, DossierLifecycle.MESSAGE_SIGNING_AGAIN_REQUESTED);
		assertThat(model.getModelElementsByType(Error.class)).extracting(Error::getErrorCode)
			.containsExactlyInAnyOrder(DossierLifecycle.ERROR_SUPPLEMENT_EXPIRED,
					DossierLifecycle.ERROR_RESULT_INVALID);
	}

	@Test
	void modelRunsNoJavaClassesOrScriptsOnlyTheApplicationsNamedDelegates() {
		assertThat(model.getModelElementsByType(ServiceTask.class))
			.extracting(ServiceTask::getCamundaDelegateExpression)
			.containsExactlyInAnyOrder("${resultSeal}", "${resultVerification}");
		assertThat(model.getModelElementsByType(ScriptTask.class)).isEmpty();
		assertThat(model.getModelElementsByType(SendTask.class)).isEmpty();
		assertThat(model.getModelElementsByType(BusinessRuleTask.class)).isEmpty();
		// Listeners may only be expressions on the execution (no classes, no scripts).
		assertThat(xml).doesNotContain("camunda:class", "camunda:script", "scriptFormat",
				"camunda:serializationDataFormat");
	}

	@Test
	void diagramShowsEveryFlowNodeAndSequenceFlow() {
		Set<String> shapes = new HashSet<>();
		model.getModelElementsByType(BpmnShape.class).forEach((shape) -> shapes.add(shape.getBpmnElement().getId()));
		Set<String> edges = new HashSet<>();
		model.getModelElementsByType(BpmnEdge.class).forEach((edge) -> {
			edges.add(edge.getBpmnElement().getId());
			assertThat(edge.getWaypoints()).as(edge.getId()).hasSizeGreaterThanOrEqualTo(2);
		});
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			assertThat(shapes).as("shape of " + node.getId()).contains(node.getId());
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			assertThat(edges).as("edge of " + flow.getId()).contains(flow.getId());
		}
	}

	private static String property(BaseElement element, String name) {
		if (element.getExtensionElements() == null) {
			return null;
		}
		return element.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.stream()
			.flatMap((properties) -> properties.getCamundaProperties().stream())
			.filter((property) -> name.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst()
			.orElse(null);
	}

}
