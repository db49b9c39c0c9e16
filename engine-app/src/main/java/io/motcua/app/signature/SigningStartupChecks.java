package io.motcua.app.signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Without demo keys (the {@code postgres} profile), the installation refuses to start
 * until its signing keys are in place: a key store folder with the trust anchors
 * ({@code trust/*.pem}) and a key store password. Found at the first signature, the
 * missing key would stop an approved dossier instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SigningStartupChecks implements ApplicationRunner {

	private final SignatureProperties properties;

	SigningStartupChecks(SignatureProperties properties) {
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (this.properties.demoKeys()) {
			return;
		}
		Path trust = this.properties.keyStoreDir().resolve("trust");
		boolean anchors = false;
		if (Files.isDirectory(trust)) {
			try (Stream<Path> files = Files.list(trust)) {
				anchors = files.anyMatch((file) -> file.toString().endsWith(".pem"));
			}
		}
		if (!anchors || this.properties.keyStorePassword() == null || this.properties.keyStorePassword().isBlank()) {
			throw new IllegalStateException("Refusing to start: no signing keys. Put the trust anchors (trust/*.pem),"
					+ " the organisation seals (seals/<unit>.p12) and the approvers' keys (staff/<username>.p12) under "
					+ this.properties.keyStoreDir().toAbsolutePath()
					+ " (motcua.signature.key-store-dir, MOTCUA_KEY_STORE_DIR) and set their password in"
					+ " MOTCUA_KEY_STORE_PASSWORD; see the README's Signing section");
		}
	}

}
