package io.motcua.app.documents;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.motcua.app.EmbeddedS3Server;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which document store start-up wires, and how it refuses settings that cannot work: the
 * folder by default, object storage when chosen and complete, and a start-up failure that
 * names the missing setting or the missing bucket.
 */
class DocumentStoreSettingsTests {

	private static EmbeddedS3Server server;

	@TempDir
	static Path storage;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class)
		.withPropertyValues("motcua.documents.storage-dir=" + storage);

	@BeforeAll
	static void startServer() {
		server = EmbeddedS3Server.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void theFolderByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(DocumentStore.class)).isInstanceOf(FilesystemDocumentStore.class);
		});
	}

	@Test
	void objectStorageWhenChosen() {
		this.runner.withPropertyValues(settings("chosen", "motcua.documents.s3.create-bucket=true")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(DocumentStore.class)).isInstanceOf(S3DocumentStore.class);
			assertThat(context.getBean(DocumentProperties.class).toString()).as("no secret in logs")
				.doesNotContain(EmbeddedS3Server.SECRET_KEY);
		});
	}

	@Test
	void objectStorageWithoutBucketOrCredentialsFailsStartUpNamingThem() {
		this.runner.withPropertyValues("motcua.documents.store=s3", "motcua.documents.s3.access-key=k")
			.run((context) -> assertThat(failure(context)).contains("motcua.documents.s3.bucket",
					"motcua.documents.s3.access-key", "motcua.documents.s3.secret-key"));
	}

	@Test
	void aMissingBucketFailsStartUpNamingIt() {
		this.runner.withPropertyValues(settings("missing-bucket"))
			.run((context) -> assertThat(failure(context))
				.contains("bucket 'missing-bucket' at " + server.endpoint() + " does not exist")
				.contains("motcua.documents.s3.create-bucket=true"));
	}

	@Test
	void aKeyPrefixMustEndTheWayAFolderDoes() {
		this.runner.withPropertyValues(settings("prefixed", "motcua.documents.s3.key-prefix=documents"))
			.run((context) -> assertThat(failure(context)).contains("keyPrefix", "must be empty or end with /"));
	}

	private static String[] settings(String bucket, String... more) {
		String[] settings = Arrays.stream(server.settings(bucket, ""))
			.map((argument) -> argument.substring(2))
			.filter((setting) -> !setting.startsWith("motcua.documents.s3.create-bucket"))
			.toArray(String[]::new);
		String[] all = Arrays.copyOf(settings, settings.length + more.length);
		System.arraycopy(more, 0, all, settings.length, more.length);
		return all;
	}

	private static String failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
			if (cause instanceof BindValidationException invalid) {
				invalid.getValidationErrors().forEach((error) -> messages.append(error).append('\n'));
			}
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DocumentProperties.class)
	static class Settings extends DocumentsConfiguration {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}
