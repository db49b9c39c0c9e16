package io.motcua.app.operations;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * One reaction to one event, as the event publication registry knows it: the listener's
 * id and the event as stored (here its SHA-256).
 *
 * @param listenerId the listener's id in the registry
 * @param eventHash SHA-256 of the serialized event, hex
 */
record ReactionKey(String listenerId, String eventHash) {

	/** How to read the dossier an event is about, per event type. */
	private static final Map<Class<?>, Function<Object, String>> DOSSIER_CODES = new ConcurrentHashMap<>();

	static ReactionKey of(String listenerId, Object serializedEvent) {
		return new ReactionKey(listenerId, DigestUtils.sha256Hex(String.valueOf(serializedEvent)));
	}

	/** The listener as an operator reads it: {@code Receipts.on(DossierReceived)}. */
	static String reactionName(String listenerId) {
		String method = listenerId;
		int paren = method.indexOf('(');
		String signature = (paren >= 0) ? method.substring(0, paren) : method;
		String parameters = (paren >= 0) ? method.substring(paren) : "";
		String[] parts = signature.split("\\.");
		String name = (parts.length >= 2) ? parts[parts.length - 2] + "." + parts[parts.length - 1] : signature;
		return name + parameters.replaceAll("[a-zA-Z0-9_]+\\.", "");
	}

	/**
	 * The dossier an event is about, when it names one (a record component
	 * {@code dossierCode}); null otherwise.
	 */
	static String dossierCodeOf(Object event) {
		return DOSSIER_CODES.computeIfAbsent(event.getClass(), ReactionKey::dossierCodeReader).apply(event);
	}

	private static Function<Object, String> dossierCodeReader(Class<?> type) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals("dossierCode") && component.getType() == String.class) {
					Method accessor = component.getAccessor();
					return (event) -> {
						try {
							return (String) accessor.invoke(event);
						}
						catch (ReflectiveOperationException ex) {
							return null;
						}
					};
				}
			}
		}
		return (event) -> null;
	}

}
