package io.motcua.app.portal;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.motcua.app.dossier.DossierStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's settings as start-up binds and checks them: switched on, they need an
 * address and exactly one kind of credential, and say which is missing; the status codes
 * keep the standard's defaults where they are not configured.
 */
class PortalPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void switchedOffByDefaultWithTheStandardsCodes() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			PortalProperties portal = context.getBean(PortalProperties.class);
			assertThat(portal.enabled()).isFalse();
			assertThat(portal.statusCodes()).hasSize(DossierStatus.values().length);
			assertThat(portal.statusCode(DossierStatus.RECEIVED)).isEqualTo("2");
			assertThat(portal.statusCode(DossierStatus.IN_PROGRESS)).isEqualTo("4");
			assertThat(portal.statusCode(DossierStatus.AWAITING_SUPPLEMENT)).isEqualTo("5");
			assertThat(portal.statusCode(DossierStatus.REJECTED)).isEqualTo("8");
			assertThat(portal.statusCode(DossierStatus.WITHDRAWN)).isEqualTo("8");
			assertThat(portal.statusCode(DossierStatus.RESULT_READY)).isEqualTo("9");
			assertThat(portal.statusCode(DossierStatus.RETURNED_UNPROCESSED)).isEqualTo("10");
			assertThat(portal.unitIdentifier("TRANBIEN")).as("a unit not named is sent as its code")
				.isEqualTo("TRANBIEN");
		});
	}

	@Test
	void switchedOnWithoutAnAddressFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("motcua.portal.enabled=true", "motcua.portal.api-key.value=k")
			.run((context) -> assertThat(failure(context)).contains("motcua.portal.base-url"));
	}

	@Test
	void anAddressThatIsNotHttpFailsStartUp() {
		this.runner
			.withPropertyValues("motcua.portal.enabled=true", "motcua.portal.base-url=ftp://portal.example",
					"motcua.portal.api-key.value=k")
			.run((context) -> assertThat(failure(context)).contains("motcua.portal.base-url"));
	}

	@Test
	void switchedOnWithoutACredentialFailsStartUp() {
		this.runner.withPropertyValues("motcua.portal.enabled=true", "motcua.portal.base-url=https://portal.example")
			.run((context) -> assertThat(failure(context)).contains("exactly one kind of credential"));
	}

	@Test
	void switchedOnWithBothCredentialsFailsStartUp() {
		this.runner
			.withPropertyValues("motcua.portal.enabled=true", "motcua.portal.base-url=https://portal.example",
					"motcua.portal.api-key.value=k", "motcua.portal.oauth2.token-uri=https://portal.example/token",
					"motcua.portal.oauth2.client-id=motcua", "motcua.portal.oauth2.client-secret=s")
			.run((context) -> assertThat(failure(context)).contains("exactly one kind of credential"));
	}

	@Test
	void incompleteClientCredentialsFailStartUpNamingWhatTheyNeed() {
		this.runner.withPropertyValues("motcua.portal.enabled=true", "motcua.portal.base-url=https://portal.example",
				"motcua.portal.oauth2.token-uri=https://portal.example/token", "motcua.portal.oauth2.client-id=motcua")
			.run((context) -> assertThat(failure(context)).contains("token-uri", "client-id", "client-secret"));
	}

	@Test
	void aStatusCodeLeftBlankFailsStartUp() {
		this.runner.withPropertyValues("motcua.portal.status-codes.SIGNED=")
			.run((context) -> assertThat(failure(context)).contains("statusCodes"));
	}

	@Test
	void anUnknownStatusFailsStartUp() {
		this.runner.withPropertyValues("motcua.portal.status-codes.LOST=3")
			.run((context) -> assertThat(failure(context)).contains("motcua.portal.status-codes"));
	}

	@Test
	void configuredCodesAndIdentifiersReplaceOnlyTheirOwnDefaults() {
		this.runner
			.withPropertyValues("motcua.portal.enabled=true", "motcua.portal.base-url=https://portal.example/",
					"motcua.portal.status-path=/dvc/trang-thai", "motcua.portal.api-key.header=X-DVC-Key",
					"motcua.portal.api-key.value=secret-key", "motcua.portal.status-codes.RETURNED_UNPROCESSED=3",
					"motcua.portal.status-codes.WITHDRAWN=7", "motcua.portal.unit-identifiers.TRANBIEN=000.00.18.H23")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PortalProperties portal = context.getBean(PortalProperties.class);
				assertThat(portal.statusUrl()).isEqualTo("https://portal.example/dvc/trang-thai");
				assertThat(portal.statusCode(DossierStatus.RETURNED_UNPROCESSED)).isEqualTo("3");
				assertThat(portal.statusCode(DossierStatus.WITHDRAWN)).isEqualTo("7");
				assertThat(portal.statusCode(DossierStatus.RETURNED)).isEqualTo("10");
				assertThat(portal.unitIdentifier("TRANBIEN")).isEqualTo("000.00.18.H23");
				assertThat(portal.apiKey().header()).isEqualTo("X-DVC-Key");
				assertThat(portal.toString()).as("no credential in logs").doesNotContain("secret-key");
			});
	}

	@Test
	void clientCredentialsBindWithTheirScopeAndClientAuthentication() {
		this.runner.withPropertyValues("motcua.portal.enabled=true", "motcua.portal.base-url=https://portal.example",
				"motcua.portal.oauth2.token-uri=https://portal.example/token", "motcua.portal.oauth2.client-id=motcua",
				"motcua.portal.oauth2.client-secret=s3cret", "motcua.portal.oauth2.scope=dossier.status,dossier.read",
				"motcua.portal.oauth2.client-authentication=post")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PortalProperties portal = context.getBean(PortalProperties.class);
				assertThat(portal.oauth2().scope()).containsExactlyInAnyOrder("dossier.status", "dossier.read");
				assertThat(portal.oauth2().clientAuthentication())
					.isEqualTo(PortalProperties.ClientAuthentication.POST);
				assertThat(portal.toString()).doesNotContain("s3cret");
			});
	}

	private static String failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
			if (cause instanceof org.springframework.boot.context.properties.bind.validation.BindValidationException invalid) {
				invalid.getValidationErrors().forEach((error) -> messages.append(error).append('\n'));
			}
		}
		return messages.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PortalProperties.class)
	static class Settings {

	}

}
