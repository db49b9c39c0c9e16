package io.motcua.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

import org.springframework.util.FileSystemUtils;

/**
 * An AMQP 0-9-1 broker in the test JVM: Apache Qpid Broker-J, messages in memory, one
 * user, on a port of its own (never 5672, where a RabbitMQ may answer). {@link #close()}
 * stops it; its threads would otherwise keep the JVM alive.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

	public static final String USER = "guest";

	public static final String PASSWORD = "guest";

	private final SystemLauncher launcher;

	private final int port;

	private final Path workDirectory;

	private EmbeddedAmqpBroker(SystemLauncher launcher, int port, Path workDirectory) {
		this.launcher = launcher;
		this.port = port;
		this.workDirectory = workDirectory;
	}

	/** Starts a broker listening on 127.0.0.1's {@code port}. */
	public static EmbeddedAmqpBroker start(int port) {
		Path workDirectory = null;
		try {
			workDirectory = Files.createTempDirectory("motcua-qpid");
			Path configuration = workDirectory.resolve("initial-config.json");
			Files.writeString(configuration, initialConfiguration(port), StandardCharsets.UTF_8);
			Map<String, Object> attributes = new HashMap<>();
			attributes.put(SystemConfig.TYPE, "Memory");
			attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, configuration.toUri().toString());
			attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
			attributes.put("context", Map.of(SystemConfig.QPID_WORK_DIR, workDirectory.toString()));
			SystemLauncher launcher = new SystemLauncher();
			launcher.startup(attributes);
			return new EmbeddedAmqpBroker(launcher, port, workDirectory);
		}
		catch (Exception ex) {
			delete(workDirectory);
			throw new IllegalStateException("Cannot start the embedded AMQP broker on port " + port, ex);
		}
	}

	/** A port nothing listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		try {
			this.launcher.shutdown();
		}
		finally {
			delete(this.workDirectory);
		}
	}

	/**
	 * One virtual host in memory reached by any name; PLAIN logins allowed over plain TCP
	 * (Broker-J offers them only over TLS unless told).
	 */
	private static String initialConfiguration(int port) {
		return """
				{
				  "name": "motcua-test-broker",
				  "modelVersion": "9.1",
				  "authenticationproviders": [ {
				    "name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
				    "users": [ { "name": "%s", "password": "%s", "type": "managed" } ]
				  } ],
				  "ports": [ {
				    "name": "AMQP", "port": "%d", "bindingAddress": "127.0.0.1", "authenticationProvider": "plain",
				    "virtualhostaliases": [ { "name": "nameAlias", "type": "nameAlias" },
				                            { "name": "defaultAlias", "type": "defaultAlias" } ]
				  } ],
				  "virtualhostnodes": [ {
				    "name": "default", "type": "Memory", "defaultVirtualHostNode": "true",
				    "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
				  } ]
				}
				""".formatted(USER, PASSWORD, port);
	}

	private static void delete(Path directory) {
		if (directory == null) {
			return;
		}
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			// A temporary folder left behind harms no later run
		}
	}

}
