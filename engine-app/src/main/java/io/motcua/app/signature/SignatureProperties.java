package io.motcua.app.signature;

import java.nio.file.Path;
import java.util.Optional;

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
 * @param approverSubjectRule besides the certificates registered to an approver (and the
 * one of their server-held key), a two-step signature accepts a certificate whose subject
 * names the approver by this rule, {@code ATTRIBUTE=template} with {@code {username}} and
 * {@code {fullName}}: for example {@code UID={username}} or
 * {@code E={username}@tanphu.gov.vn}; none by default
 */
@ConfigurationProperties("motcua.signature")
public record SignatureProperties(@DefaultValue("./data/keys") Path keyStoreDir,
		@DefaultValue("demo") String keyStorePassword, @DefaultValue("false") boolean demoKeys, String tsaUrl,
		String approverSubjectRule) {

	public SignatureProperties {
		if (approverSubjectRule != null && !approverSubjectRule.isBlank()) {
			// refuses to start with a rule it cannot apply
			SubjectRule.parse(approverSubjectRule);
		}
	}

	/** The subject rule, when one is configured. */
	Optional<SubjectRule> subjectRule() {
		return (this.approverSubjectRule == null || this.approverSubjectRule.isBlank()) ? Optional.empty()
				: Optional.of(SubjectRule.parse(this.approverSubjectRule));
	}

}
