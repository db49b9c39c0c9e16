package io.motcua.app.workflow;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

import io.motcua.processes.DossierLifecycle;

/**
 * Attaches our listeners to every process the engine deploys, driven by the model's
 * extension properties: an element with {@code dossierStatus} mirrors that status into
 * the dossier when it starts, and every user task is projected into our task table.
 * Procedures that bring their own process get the same behaviour by declaring the same
 * properties.
 */
class LifecycleParseListener extends AbstractBpmnParseListener {

	private final ExecutionListenerFactory statusListeners;

	private final TaskProjectionListener taskProjection;

	LifecycleParseListener(ExecutionListenerFactory statusListeners, TaskProjectionListener taskProjection) {
		this.statusListeners = statusListeners;
		this.taskProjection = taskProjection;
	}

	@Override
	public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
		if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
			TaskDefinition definition = behavior.getTaskDefinition();
			Map<String, String> properties = properties(element);
			TaskProjectionListener.TaskTraits traits = new TaskProjectionListener.TaskTraits(outcomes(element),
					properties.get(DossierLifecycle.PROPERTY_FORM), share(properties));
			TaskListener listener = (task) -> this.taskProjection.notify(task, traits);
			definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
			definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
			definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
			definition.addTaskListener(TaskListener.EVENTNAME_DELETE, listener);
		}
	}

	@Override
	public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
	}

	@Override
	public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
	}

	@Override
	public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
	}

	@Override
	public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
	}

	@Override
	public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
	}

	@Override
	public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
	}

	@Override
	public void parseManualTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
	}

	@Override
	public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
	}

	@Override
	public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
		attachStatus(element, activity);
	}

	private void attachStatus(Element element, ActivityImpl activity) {
		Map<String, String> properties = properties(element);
		String status = properties.get(DossierLifecycle.PROPERTY_DOSSIER_STATUS);
		if (status != null && !status.isBlank()) {
			activity.addListener(ExecutionListener.EVENTNAME_START,
					this.statusListeners.statusListener(activity.getId(), nameOf(activity), status.trim()));
		}
		String alarm = properties.get(DossierLifecycle.PROPERTY_SLA_EVENT);
		if (alarm != null && !alarm.isBlank()) {
			activity.addListener(ExecutionListener.EVENTNAME_START,
					this.statusListeners.alarmListener(SlaAlarm.valueOf(alarm.trim())));
		}
	}

	/**
	 * The element's name from the model: the parser keeps it as a property
	 * ({@code getName()} stays empty), null when the model gives none.
	 */
	static String nameOf(PvmActivity activity) {
		Object name = activity.getProperty("name");
		return (name != null && !name.toString().isBlank()) ? name.toString() : null;
	}

	private static Integer share(Map<String, String> properties) {
		String share = properties.get(DossierLifecycle.PROPERTY_SLA_SHARE);
		if (share == null || share.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(share.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Property " + DossierLifecycle.PROPERTY_SLA_SHARE + " must be a percentage, not '" + share + "'",
					ex);
		}
	}

	private static List<String> outcomes(Element element) {
		String outcomes = properties(element).get(DossierLifecycle.PROPERTY_OUTCOMES);
		if (outcomes == null || outcomes.isBlank()) {
			return List.of();
		}
		return Arrays.stream(outcomes.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	static Map<String, String> properties(Element element) {
		Map<String, String> properties = new LinkedHashMap<>();
		Element extensions = element.element("extensionElements");
		if (extensions == null) {
			return properties;
		}
		Element container = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
		if (container == null) {
			return properties;
		}
		for (Element property : container.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
			properties.put(property.attribute("name"), property.attribute("value"));
		}
		return properties;
	}

	/**
	 * Creates the listener that mirrors a status; separate so that the plugin can bind it
	 * late.
	 */
	interface ExecutionListenerFactory {

		ExecutionListener statusListener(String elementId, String elementName, String status);

		ExecutionListener alarmListener(SlaAlarm alarm);

	}

}
