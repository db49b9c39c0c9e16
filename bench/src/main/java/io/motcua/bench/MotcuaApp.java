package io.motcua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.motcua.app.MotcuaApplication;

/**
 * Motcua itself, started in this JVM as {@code java -jar} would start it, on its own
 * PostgreSQL database with the demo organisation, with only documented settings.
 */
final class MotcuaApp implements AutoCloseable {

	static final String DATABASE = Postgres.database("motcua_bench_app");

	final ConfigurableApplicationContext context;

	private final Map<String, Authentication> authentications = new ConcurrentHashMap<>();

	private MotcuaApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static MotcuaApp start(String database, List<String> extraArguments) throws Exception {
		Postgres.recreate(database);
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + Postgres.url(database),
				"--spring.datasource.username=" + Postgres.USER, "--spring.datasource.password=",
				"--motcua.demo.enabled=true", "--server.port=0", "--spring.main.banner-mode=off",
				// The app keeps logging at INFO (its cost is part of the figure) into a
				// file, so
				// the console shows the benchmark's table
				"--logging.file.name=" + System.getProperty("bench.log", "bench/target/motcua-bench-app.log"),
				"--logging.threshold.console=WARN", "--spring.docker.compose.enabled=false"));
		args.addAll(dataDirectories());
		args.addAll(extraArguments);
		SpringApplication application = new SpringApplication(MotcuaApplication.class);
		return new MotcuaApp(application.run(args.toArray(String[]::new)));
	}

	/**
	 * Where the app keeps documents and keys: under {@code bench/target/data}, so that
	 * benchmark runs leave nothing in the working copy's {@code ./data}.
	 */
	static List<String> dataDirectories() {
		String data = System.getProperty("bench.data", "bench/target/data");
		return List.of("--motcua.documents.storage-dir=" + data + "/documents",
				"--motcua.signature.key-store-dir=" + data + "/keys");
	}

	int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	DataSource dataSource() {
		return this.context.getBean(DataSource.class);
	}

	/** The authenticated demo user, as HTTP Basic would have authenticated it. */
	Authentication as(String username) {
		return this.authentications.computeIfAbsent(username, (name) -> {
			UserDetails user = this.context.getBeansOfType(UserDetailsService.class)
				.values()
				.iterator()
				.next()
				.loadUserByUsername(name);
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		});
	}

	@Override
	public void close() {
		this.context.close();
	}

}
