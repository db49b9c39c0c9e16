package io.motcua.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The lifecycle model as Motcua ships it, and its Flowable namespace variant. */
final class Models {

	static final String RESOURCE = "bpmn/dossier-lifecycle.bpmn";

	private Models() {
	}

	/**
	 * The model for a plain engine: the seal and verification service tasks stay (same
	 * structure, still asynchronous), but run a no-op expression instead of Motcua's
	 * signing delegates, which a plain engine does not have. Motcua's own figure includes
	 * real PAdES signing.
	 */
	static String camunda() {
		return motcua().replace("camunda:delegateExpression=\"${resultSeal}\"", "camunda:expression=\"${true}\"")
			.replace("camunda:delegateExpression=\"${resultVerification}\"", "camunda:expression=\"${true}\"");
	}

	/** The model exactly as Motcua ships it. */
	static String motcua() {
		try (InputStream in = Models.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The same model for Flowable: the Camunda namespace and its attributes rewritten to
	 * Flowable's. Camunda-only extension properties stay as inert extension elements.
	 */
	static String flowable() {
		return camunda()
			.replace("xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"",
					"xmlns:flowable=\"http://flowable.org/bpmn\"")
			.replace("camunda:historyTimeToLive=\"180\"", "")
			.replace("camunda:asyncBefore=", "flowable:async=")
			.replace("camunda:jobPriority=\"100\"", "")
			.replace("camunda:", "flowable:");
	}

}
