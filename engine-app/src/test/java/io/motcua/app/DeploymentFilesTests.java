package io.motcua.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps the files the operations guide installs ({@code docs/deploy}) working: the
 * scripts parse, nginx accepts its configuration and lets through what the application
 * accepts, and systemd waits for a graceful stop. {@code nginx -t} runs only where nginx
 * is installed (Debian: {@code apt-get install nginx}) and {@code systemd-analyze
 * verify} only where systemd is; without them those two tests are skipped.
 */
class DeploymentFilesTests {

	private static final Path DEPLOY = Path.of("..", "docs", "deploy");

	@TempDir
	Path folder;

	@Test
	void backupAndRestoreScriptsParse() throws Exception {
		for (String script : List.of("backup.sh", "restore.sh")) {
			Result result = run("bash", "-n", DEPLOY.resolve(script).toString());
			assertThat(result.exitCode()).as(script + ": " + result.output()).isZero();
		}
	}

	@Test
	void nginxAcceptsTheConfiguration() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
		// The walk-through's self-signed certificate, made here
		Path key = this.folder.resolve("motcua.key");
		Path certificate = this.folder.resolve("motcua.crt");
		Result made = run("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
				"/CN=localhost", "-keyout", key.toString(), "-out", certificate.toString());
		assertThat(made.exitCode()).as(made.output()).isZero();
		String site = Files.readString(DEPLOY.resolve("nginx-motcua.conf"))
			.replace("/etc/nginx/tls/motcua.key", key.toString())
			.replace("/etc/nginx/tls/motcua.crt", certificate.toString());
		Files.writeString(this.folder.resolve("motcua.conf"), site);
		// What Debian's nginx.conf wraps a site in
		Files.writeString(this.folder.resolve("nginx.conf"), """
				pid %1$s/nginx.pid;
				error_log stderr;
				events { }
				http {
				    access_log off;
				    include %1$s/motcua.conf;
				}
				""".formatted(this.folder));
		Result test = run("/usr/sbin/nginx", "-t", "-p", this.folder.toString(), "-c",
				this.folder.resolve("nginx.conf").toString());
		assertThat(test.exitCode()).as(test.output()).isZero();
		assertThat(test.output()).contains("test is successful").doesNotContain("[warn]");
	}

	@Test
	void nginxLetsThroughTheLargestRequestTheApplicationAccepts() throws IOException {
		Matcher limit = Pattern.compile("client_max_body_size (\\d+)m;")
			.matcher(Files.readString(DEPLOY.resolve("nginx-motcua.conf")));
		assertThat(limit.find()).isTrue();
		assertThat(DataSize.ofMegabytes(Long.parseLong(limit.group(1))))
			.isEqualTo(DataSize.parse(application().getProperty("spring.servlet.multipart.max-request-size")));
	}

	@Test
	void systemdWaitsForAGracefulStop() throws Exception {
		String unit = Files.readString(DEPLOY.resolve("motcua@.service"));
		Matcher stop = Pattern.compile("(?m)^TimeoutStopSec=(\\d+)$").matcher(unit);
		assertThat(stop.find()).isTrue();
		// Requests in flight (Boot's default 30 s per shutdown phase), then the
		// reactions still running
		Duration graceful = Duration.ofSeconds(30)
			.plus(DurationStyle
				.detectAndParse(application().getProperty("spring.task.execution.shutdown.await-termination-period")));
		assertThat(Duration.ofSeconds(Long.parseLong(stop.group(1)))).isGreaterThan(graceful);
		assertThat(unit).contains("SuccessExitStatus=143", "EnvironmentFile=/etc/motcua/motcua.env", "User=motcua");
	}

	@Test
	void systemdAcceptsTheUnit() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd is not installed");
		Path unit = this.folder.resolve("motcua@.service");
		Files.copy(DEPLOY.resolve("motcua@.service"), unit);
		Result verify = run("/usr/bin/systemd-analyze", "verify",
				this.folder.resolve("motcua@8081.service").toString());
		// It names what it cannot parse but exits 0; the motcua user and the
		// mounts need not exist on a build machine
		assertThat(verify.output()).doesNotContain("Unknown key", "Failed to parse", "Unknown section", "Invalid",
				"Ignoring");
	}

	private static java.util.Properties application() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		return yaml.getObject();
	}

	private static Result run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
			.start();
		// Read first: a full pipe would stop the tool before it exits
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("No answer within a minute: " + String.join(" ", command));
		}
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}
