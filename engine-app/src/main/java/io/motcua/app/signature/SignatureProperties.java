package io.motcua.app.signature;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing settings.
 *
 * @param keyStoreDir folder of the PKCS#12 key stores: {@code staff/<username>.p12} for
 * approvers and {@code seals/<unit code>.p12} for unit seals, {@code trust/*.pem} for
 * trust anchors
 * @param keyStorePassword password of those key stores
 * @param demoKeys issue missing keys from a demo certificate authority (default profile
 * only; the {@code postgres} profile requires configured key stores)
 * @param tsaUrl RFC 3161 timestamp authority; when set, results are signed at level B-T
 */
@ConfigurationProperties("motcua.signature")
public record SignatureProperties(@DefaultValue("./data/keys") Path keyStoreDir,
		@DefaultValue("demo") String keyStorePassword, @DefaultValue("false") boolean demoKeys, String tsaUrl) {
}
