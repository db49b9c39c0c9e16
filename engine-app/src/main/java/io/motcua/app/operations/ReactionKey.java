package io.motcua.app.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One reaction to one event, as the event publication registry knows it: the listener's
 * id and the event as stored (here its SHA-256).
 *
 * @param listenerId the listener's id in the registry
 * @param eventHash SHA-256 of the serialized event, hex
 */
record ReactionKey(String listenerId, String eventHash) {

	static ReactionKey of(String listenerId, Object serializedEvent) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(serializedEvent).getBytes(StandardCharsets.UTF_8));
			return new ReactionKey(listenerId, HexFormat.of().formatHex(digest));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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

}
