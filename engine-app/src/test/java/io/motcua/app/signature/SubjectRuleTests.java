package io.motcua.app.signature;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectRuleTests {

	@Test
	void readsAttributeAndTemplate() {
		SubjectRule rule = SubjectRule.parse("UID = {username}");

		assertThat(rule.attribute()).isEqualTo("UID");
		assertThat(rule.expected("approver", "Lê Hoàng Nam")).isEqualTo("approver");
		assertThat(SubjectRule.parse("E={username}@tanphu.gov.vn").expected("an.nv", "x"))
			.isEqualTo("an.nv@tanphu.gov.vn");
	}

	@Test
	void refusesARuleItCannotApply() {
		assertThatThrownBy(() -> SubjectRule.parse("UID")).hasMessageContaining("ATTRIBUTE=template");
		assertThatThrownBy(() -> SubjectRule.parse("UID=")).hasMessageContaining("ATTRIBUTE=template");
		assertThatThrownBy(() -> SubjectRule.parse("NICKNAME={username}"))
			.hasMessageContaining("unknown subject attribute 'NICKNAME'");
		assertThatThrownBy(() -> new SignatureProperties(Path.of("keys"), "demo", false, null, "NICKNAME=x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(new SignatureProperties(Path.of("keys"), "demo", false, null, " ").subjectRule()).isEmpty();
	}

}
