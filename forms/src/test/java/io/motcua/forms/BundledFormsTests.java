package io.motcua.forms;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.motcua.forms.FormViolation.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The five forms shipped for the demo procedures load, share the applicant group, and
 * accept what a real applicant would submit.
 */
class BundledFormsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	static final String APPLICANT = """
			"applicant": {
			  "fullName": "Nguyễn Thị Hồng Nhung",
			  "identityNumber": "001190012345",
			  "phone": "0912345678",
			  "email": "nhung.nguyen@example.vn",
			  "address": "Số 12, ngõ 34 phố Hào Nam, phường Ô Chợ Dừa, thành phố Hà Nội"
			}
			""";

	@ParameterizedTest
	@ValueSource(strings = { "household-business-registration", "copy-certification", "marriage-registration",
			"house-construction-permit", "land-use-change-registration" })
	void bundledFormStartsWithTheSharedApplicantGroup(String formId) {
		FormDefinition form = FormDefinition.bundled(formId);
		assertThat(form.id()).isEqualTo(formId);
		assertThat(form.version()).isEqualTo("1");
		assertThat(form.schemaVersion()).isEqualTo(18);
		FormComponent group = form.components().get(0);
		assertThat(group.type()).isEqualTo(ComponentType.GROUP);
		assertThat(group.label()).isEqualTo("Thông tin người nộp hồ sơ");
		assertThat(group.components()).extracting(FormComponent::key)
			.containsExactly("applicant.fullName", "applicant.identityNumber", "applicant.phone", "applicant.email",
					"applicant.address");
		assertThat(group.components()).extracting(FormComponent::type)
			.containsExactly(ComponentType.TEXTFIELD, ComponentType.TEXTFIELD, ComponentType.TEXTFIELD,
					ComponentType.TEXTFIELD, ComponentType.TEXTAREA);
		assertThat(group.components().get(0).validate().maxLength()).isEqualTo(100);
		assertThat(group.components().get(1).validate().pattern()).isEqualTo("^[0-9]{12}$");
		assertThat(group.components().get(2).validate().format()).isEqualTo(ValidationRules.Format.PHONE);
		assertThat(group.components().get(3).validate().format()).isEqualTo(ValidationRules.Format.EMAIL);
		assertThat(group.components().get(4).validate().maxLength()).isEqualTo(300);
	}

	@ParameterizedTest
	@ValueSource(strings = { "household-business-registration", "copy-certification", "marriage-registration",
			"house-construction-permit", "land-use-change-registration" })
	void bundledFormRejectsAnEmptySubmissionNamingTheApplicantFields(String formId) {
		List<FormViolation> violations = FormValidator.validate(FormDefinition.bundled(formId), "{}");
		assertThat(violations).filteredOn((violation) -> violation.rule() == Rule.REQUIRED)
			.extracting(FormViolation::path)
			.contains("applicant.fullName", "applicant.identityNumber", "applicant.address");
	}

	@Test
	void householdBusinessRegistrationAcceptsARealisticSubmission() throws Exception {
		assertValid("household-business-registration", """
				{
				  %s,
				  "business": {
				    "name": "Hộ kinh doanh Tạp hóa Hồng Nhung",
				    "ownership": "household",
				    "line": "Bán lẻ lương thực, thực phẩm, đồ uống trong cửa hàng kinh doanh tổng hợp",
				    "capital": 150000000,
				    "employeeCount": 2,
				    "address": "Số 12, ngõ 34 phố Hào Nam, phường Ô Chợ Dừa, thành phố Hà Nội",
				    "phone": "024 3851 2345",
				    "startDate": "2026-01-05"
				  },
				  "members": [
				    {"fullName": "Trần Văn Minh", "identityNumber": "001088054321", "capitalShare": 50000000}
				  ],
				  "commitment": true
				}
				""");
	}

	@Test
	void householdBusinessMembersAreIgnoredWhenAnIndividualRegisters() throws Exception {
		FormDefinition form = FormDefinition.bundled("household-business-registration");
		ObjectNode submission = (ObjectNode) JSON.readTree("""
				{
				  %s,
				  "business": {"name": "Quán phở Bà Lan", "ownership": "individual", "line": "Ăn uống",
				    "capital": 50000000, "address": "Xã Tân Lập, tỉnh Phú Thọ", "startDate": "2026-02-01"},
				  "members": [{"fullName": 42}],
				  "commitment": true
				}
				""".formatted(APPLICANT));
		assertThat(FormValidator.validate(form, submission)).isEmpty();
		submission.with("business").put("ownership", "household");
		assertThat(FormValidator.validate(form, submission)).extracting(FormViolation::path, FormViolation::rule)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("members[0].fullName", Rule.TYPE),
					org.assertj.core.groups.Tuple.tuple("members[0].identityNumber", Rule.REQUIRED),
					org.assertj.core.groups.Tuple.tuple("members[0].capitalShare", Rule.REQUIRED));
	}

	@Test
	void copyCertificationAcceptsARealisticSubmission() throws Exception {
		assertValid("copy-certification", """
				{
				  %s,
				  "document": {
				    "name": "Bằng tốt nghiệp đại học",
				    "issuer": "Trường Đại học Bách khoa Hà Nội",
				    "issuedDate": "2012-07-15",
				    "language": "vi",
				    "pageCount": 1
				  },
				  "copyCount": 3,
				  "delivery": {"method": "counter"}
				}
				""");
	}

	@Test
	void copyCertificationRequiresThePostalAddressOnlyForDeliveryByPost() throws Exception {
		FormDefinition form = FormDefinition.bundled("copy-certification");
		JsonNode byPost = JSON.readTree("""
				{%s, "document": {"name": "Giấy khai sinh", "language": "foreign", "pageCount": 2},
				 "copyCount": 1, "delivery": {"method": "post"}}
				""".formatted(APPLICANT));
		assertThat(FormValidator.validate(form, byPost)).extracting(FormViolation::path)
			.containsExactly("document.languageName", "delivery.address");
	}

	@Test
	void marriageRegistrationAcceptsARealisticSubmission() throws Exception {
		assertValid("marriage-registration", """
				{
				  %s,
				  "applicantDetails": {"dateOfBirth": "1995-03-08", "maritalHistory": "never"},
				  "spouse": {
				    "fullName": "Lê Hoàng Nam",
				    "dateOfBirth": "1993-11-20",
				    "nationality": "VN",
				    "identityNumber": "079093001122",
				    "residence": "Phường Bến Thành, Thành phố Hồ Chí Minh"
				  },
				  "marriage": {"requestedDate": "2026-12-12", "certificateCopies": 2},
				  "commitment": true
				}
				""");
	}

	@Test
	void marriageRegistrationAsksForThePassportOfAForeignSpouse() throws Exception {
		FormDefinition form = FormDefinition.bundled("marriage-registration");
		JsonNode submission = JSON.readTree(
				"""
						{%s,
						 "applicantDetails": {"dateOfBirth": "1995-03-08", "maritalHistory": "divorced", "divorceDecision": "12/2020/QĐST-HNGĐ"},
						 "spouse": {"fullName": "John Smith", "dateOfBirth": "1990-01-01", "nationality": "other",
						   "identityNumber": "not checked while hidden", "residence": "Sydney, Australia"},
						 "marriage": {"requestedDate": "2026-12-12"}, "commitment": true}
						"""
					.formatted(APPLICANT));
		assertThat(FormValidator.validate(form, submission)).extracting(FormViolation::path, FormViolation::rule)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("spouse.passportNumber", Rule.REQUIRED));
	}

	@Test
	void houseConstructionPermitAcceptsARealisticSubmission() throws Exception {
		assertValid("house-construction-permit", """
				{
				  %s,
				  "plot": {"number": "245", "mapSheet": "18", "area": 96.5, "certificateNumber": "CS 04512",
				    "address": "Thôn Đông, xã Yên Phong, tỉnh Bắc Ninh"},
				  "construction": {"kind": "new", "floors": 4, "hasBasement": true, "basementFloors": 1,
				    "buildingArea": 80, "totalFloorArea": 320, "height": 15.6, "expectedStart": "2027-03-01"},
				  "designer": {"name": "Công ty TNHH Kiến trúc Việt", "certificateNumber": "HAN-00012345"}
				}
				""");
	}

	@Test
	void landUseChangeRegistrationAcceptsARealisticSubmission() throws Exception {
		assertValid("land-use-change-registration", """
				{
				  %s,
				  "plot": {"number": "512", "mapSheet": "7", "area": 1200, "certificateNumber": "CH 00931",
				    "address": "Ấp 3, xã Phước Hiệp, Thành phố Hồ Chí Minh"},
				  "landUse": {"currentPurpose": "LUC", "requestedPurpose": "ONT", "changeArea": 300,
				    "topsoilPlan": "Bóc tầng đất mặt 0,2 m chuyển đến khu ruộng thôn Nhì để cải tạo",
				    "term": "permanent", "reason": "Xây dựng nhà ở cho gia đình con trai"},
				  "commitment": true
				}
				""");
	}

	@Test
	void bundledRejectsAnUnknownFormId() {
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> FormDefinition.bundled("no-such-form"))
			.withMessageContaining("no-such-form");
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> FormDefinition.bundled("../../etc/passwd"));
	}

	private static void assertValid(String formId, String template) throws Exception {
		JsonNode submission = JSON.readTree(template.formatted(APPLICANT));
		assertThat(FormValidator.validate(FormDefinition.bundled(formId), submission)).isEmpty();
	}

}
