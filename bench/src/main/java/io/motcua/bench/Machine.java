package io.motcua.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootVersion;

/** What the numbers were measured on. */
final class Machine {

	private Machine() {
	}

	static Map<String, Object> describe() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("cpu", firstValue("/proc/cpuinfo", "model name"));
		String memTotal = firstValue("/proc/meminfo", "MemTotal");
		machine.put("memoryMiB", (memTotal != null) ? Long.parseLong(memTotal.replaceAll("[^0-9]", "")) / 1024 : null);
		machine.put("os", osRelease() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version")
				+ " " + System.getProperty("os.arch") + ")");
		machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("jvmArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
		machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		machine.put("loadAverageAtStart", loadAverage());
		return machine;
	}

	static Map<String, Object> versions(MotcuaApp app, Pgbench pgbench) {
		Map<String, Object> versions = new LinkedHashMap<>();
		versions.put("motcua", "0.1.0-SNAPSHOT " + git());
		versions.put("springBoot", SpringBootVersion.getVersion());
		versions.put("camunda",
				org.camunda.bpm.engine.impl.util.ParseUtil.parseProcessEngineVersion(true).getVersion());
		versions.put("flowable", org.flowable.engine.ProcessEngine.VERSION);
		versions.put("postgresql", Postgres.scalar("postgres", "SHOW server_version"));
		versions.put("pgbench", pgbench.version());
		return versions;
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String git() {
		try {
			Process process = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
			String out = new String(process.getInputStream().readAllBytes()).trim();
			return (process.waitFor() == 0) ? "(" + out + ")" : "";
		}
		catch (IOException | InterruptedException ex) {
			return "";
		}
	}

	private static String osRelease() {
		String name = firstValue("/etc/os-release", "PRETTY_NAME");
		return (name != null) ? name.replace("\"", "").replaceFirst("^=", "") : "";
	}

	private static String firstValue(String file, String key) {
		try {
			List<String> lines = Files.readAllLines(Path.of(file));
			for (String line : lines) {
				if (line.startsWith(key)) {
					return line.substring(key.length()).replaceFirst("^\\s*[:=]\\s*", "").trim();
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return null;
	}

}
