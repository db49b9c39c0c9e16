package io.motcua.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * Another node of the application under test, as its own process on the same database:
 * the test's class path, the application's main class, the integration tests' profile.
 * Its output goes to {@code target/<name>.log}. Stop it with {@link Process#destroy()}
 * (SIGTERM) or {@link Process#destroyForcibly()} (SIGKILL).
 */
public final class NodeProcess {

	private NodeProcess() {
	}

	/**
	 * Starts a node.
	 * @param environment the test application's, for its database
	 * @param arguments further settings ({@code --name=value})
	 */
	public static Process start(String name, Environment environment, String... arguments) throws IOException {
		return start(name, 0, environment, arguments);
	}

	/**
	 * Starts a node listening on {@code port} (0: any free one).
	 * @param environment the test application's, for its database
	 * @param arguments further settings ({@code --name=value})
	 */
	public static Process start(String name, int port, Environment environment, String... arguments)
			throws IOException {
		Path log = Path.of("target", name + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
						System.getProperty("java.class.path"), "io.motcua.app.MotcuaApplication",
						"--spring.profiles.active=it", "--server.port=" + port,
						"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
						"--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
						"--spring.datasource.password=",
						"--motcua.documents.storage-dir=" + environment.getProperty("motcua.documents.storage-dir",
								Path.of("data", "documents").toAbsolutePath().toString()),
						"--spring.main.banner-mode=off"));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

}
