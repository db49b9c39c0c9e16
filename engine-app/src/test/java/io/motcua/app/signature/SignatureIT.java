package io.motcua.app.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.documents.DocumentKind;
import io.motcua.app.documents.DocumentService;
import io.motcua.processes.DossierLifecycle;
import io.motcua.signing.Indication;
import io.motcua.signing.PdfSignatureVerifier;
import io.motcua.signing.PdfSigner;
import io.motcua.signing.SignRequest;
import io.motcua.signing.SigningKey;
import io.motcua.signing.VerificationReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dossier's result is a PDF carrying the approver's visible signature and the unit's
 * seal, valid in the verifier, and tampered copies are rejected.
 */
class SignatureIT extends ApplicationIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	SigningKeyStore keys;

	@Autowired
	SignatureProperties properties;

	@Autowired
	ResultSigning signing;

	@Autowired
	DocumentService documents;

	@Test
	void approverSignsWithTheServerKeyTheSealIsAppliedAndTheResultIsValid() throws Exception {
		String code = approvedDossier();
		String task = openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT);
		assertThat(as("clerk").post("/api/v1/tasks/" + task + "/signature", Map.of()).status()).isEqualTo(403);
		Api.Reply signed = as("approver").post("/api/v1/tasks/" + task + "/signature", Map.of("comment", "Đồng ý"));
		assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
		assertThat(signed.body().path("signatures").findValuesAsText("role")).containsExactly("APPROVER");
		awaitStatus(code, "RESULT_READY");

		byte[] result = latestSignedResult(code);
		VerificationReport report = new PdfSignatureVerifier(this.keys.trustAnchors()).verify(result);
		assertThat(report.indication()).as(report.reasons().toString()).isEqualTo(Indication.VALID);
		assertThat(report.signatures()).hasSize(2);
		assertThat(report.signatures().get(0).signerSubject()).contains("Lê Hoàng Nam");
		assertThat(report.signatures().get(1).signerSubject()).contains("Phường Trấn Biên");
		assertThat(report.signatures()).allSatisfy((signature) -> assertThat(signature.chainTrusted()).isTrue());

		JsonNode uploaded = upload(result, "approver");
		assertThat(uploaded.path("indication").asText()).isEqualTo("VALID");
		byte[] tampered = result.clone();
		tampered[1000] ^= 0x01;
		assertThat(upload(tampered, "clerk").path("indication").asText()).isEqualTo("INVALID");

		Api.Reply signatures = as("supervisor").get("/api/v1/dossiers/" + code + "/signatures");
		assertThat(signatures.body().findValuesAsText("role")).containsExactly("APPROVER", "SEAL");
		assertThat(signatures.body().findValuesAsText("level")).containsOnly("PADES_BASELINE_B");
		assertThat(as("clerk2").get("/api/v1/dossiers/" + code + "/signatures").status()).isEqualTo(404);
		assertThat(as("clerk").get("/api/v1/dossiers/" + code + "/events").body().findValuesAsText("type"))
			.contains("RESULT_SIGNED", "RESULT_VERIFIED");
	}

	@Test
	void anIndependentValidatorFindsBothSignaturesValid() throws Exception {
		Path pdfsig = Path.of("/usr/bin/pdfsig");
		Assumptions.assumeTrue(Files.isExecutable(pdfsig), "poppler's pdfsig is not installed; .ci/run installs it");
		String code = approvedDossier();
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(code, "RESULT_READY");
		Path result = Files.createTempFile("result", ".pdf");
		try {
			Files.write(result, latestSignedResult(code));
			String report = run(pdfsig.toString(), result.toString());
			assertThat(report.split("Signature is Valid", -1)).as(report).hasSize(3);
			assertThat(report).contains("Lê Hoàng Nam", "Total document signed");
			byte[] tampered = Files.readAllBytes(result);
			tampered[1000] ^= 0x01;
			Files.write(result, tampered);
			assertThat(run(pdfsig.toString(), result.toString())).doesNotContain("Signature is Valid");
		}
		finally {
			Files.deleteIfExists(result);
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output;
	}

	@Test
	void approverSignsWithATokenInTwoSteps() throws Exception {
		String code = approvedDossier();
		String task = openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT);
		SigningKey token = this.keys.staffKey("approver", "Lê Hoàng Nam", "Phường Trấn Biên");
		List<String> chain = new ArrayList<>();
		for (X509Certificate certificate : token.chain()) {
			chain.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
		}
		Api.Reply session = as("approver").post("/api/v1/signing-sessions",
				Map.of("taskId", task, "certificateChain", chain));
		assertThat(session.status()).as(session.body().toString()).isEqualTo(201);
		byte[] toBeSigned = Base64.getDecoder().decode(session.text("dataToBeSigned"));

		// The token signs outside the server and the library.
		Signature rsa = Signature.getInstance(session.text("signatureAlgorithm"));
		rsa.initSign(token.privateKey());
		rsa.update(toBeSigned);
		String value = Base64.getEncoder().encodeToString(rsa.sign());

		Api.Reply wrong = as("approver").post("/api/v1/signing-sessions/" + session.text("id") + "/signature-value",
				Map.of("signatureValue", Base64.getEncoder().encodeToString(new byte[256])));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(as("specialist")
			.post("/api/v1/signing-sessions/" + session.text("id") + "/signature-value",
					Map.of("signatureValue", value))
			.status()).isEqualTo(403);
		Api.Reply done = as("approver").post("/api/v1/signing-sessions/" + session.text("id") + "/signature-value",
				Map.of("signatureValue", value));
		assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
		assertThat(as("approver")
			.post("/api/v1/signing-sessions/" + session.text("id") + "/signature-value",
					Map.of("signatureValue", value))
			.status()).isEqualTo(409);
		awaitStatus(code, "RESULT_READY");
		assertThat(upload(latestSignedResult(code), "approver").path("indication").asText()).isEqualTo("VALID");
		assertThat(as("approver")
			.post("/api/v1/signing-sessions/" + UUID.randomUUID() + "/signature-value", Map.of("signatureValue", value))
			.status()).isEqualTo(404);
	}

	@Test
	void choosingSignSignsWithTheServerKeyToo() throws Exception {
		String code = approvedDossier();
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(code, "RESULT_READY");
		VerificationReport report = this.signing.verify(latestSignedResult(code));
		assertThat(report.indication()).isEqualTo(Indication.VALID);
		assertThat(report.signatures()).hasSize(2);
	}

	@Test
	void aResultThatDoesNotVerifyIsRefusedWithItsReasonsInTheTimeline() throws Exception {
		String code = approvedDossier();
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(code, "RESULT_READY");
		byte[] tampered = latestSignedResult(code);
		tampered[1000] ^= 0x01;
		long id = this.documents.issue(code, DocumentKind.SIGNED_RESULT, "tampered.pdf", tampered).id();
		assertThat(this.signing.verify(code)).isFalse();
		assertThat(as("clerk").get("/api/v1/dossiers/" + code + "/events")
			.body()
			.findParents("type")
			.stream()
			.filter((event) -> event.path("type").asText().equals("RESULT_INVALID"))
			.map((event) -> event.path("detail").asText())).singleElement()
			.satisfies((detail) -> assertThat(detail).contains("document " + id, "INVALID"));
	}

	@Test
	void verificationNamesBytesNoSignatureCoversAndSignersOutsideTheirValidity() throws Exception {
		SigningKey approverKey = this.keys.staffKey("approver", "Lê Hoàng Nam", "Phường Trấn Biên");
		byte[] signed = new PdfSigner().sign(SignRequest.baselineB(onePagePdf(), "Phê duyệt"), approverKey);
		assertThat(upload(signed, "clerk").path("indication").asText()).isEqualTo("VALID");
		assertThat(upload(signed, "clerk").path("uncovered")).isEmpty();
		long startxref;
		String root;
		try (PDDocument document = Loader.loadPDF(signed)) {
			startxref = document.getDocument().getStartXref();
			COSObject catalog = (COSObject) document.getDocument().getTrailer().getItem(COSName.ROOT);
			root = catalog.getKey().getNumber() + " " + catalog.getKey().getGeneration() + " R";
		}
		String object = "99 0 obj\n<< /Type /Annot /Subtype /Text /Rect [0 0 9 9] >>\nendobj\n";
		Map<String, String> forgeries = Map.of("garbage", "\nSố tiền: 9.999.000.000 đồng\n", "objects", object,
				"cross-reference", object + "xref\n99 1\n%010d 00000 n\r\ntrailer\n<< /Size 100 /Root %s /Prev %d >>\n"
					.formatted(signed.length, root, startxref) + "startxref\n" + startxref + "\n%%EOF\n");
		for (Map.Entry<String, String> forgery : forgeries.entrySet()) {
			JsonNode report = upload(append(signed, forgery.getValue()), "clerk");
			assertThat(report.path("indication").asText()).as(forgery.getKey()).isEqualTo("INVALID");
			assertThat(report.path("signatures").path(0).path("coversWholeDocument").asBoolean()).isFalse();
			assertThat(report.path("signatures").path(0).path("signatureValid").asBoolean()).isTrue();
			JsonNode uncovered = report.path("uncovered").path(0);
			assertThat(uncovered.path("kind").asText()).as(report.toString()).isEqualTo("UNREFERENCED");
			assertThat(report.path("reasons").path(0).asText()).as(forgery.getKey())
				.startsWith("bytes " + uncovered.path("start").asLong() + "-" + uncovered.path("end").asLong());
		}
		JsonNode newLine = upload(append(signed, "\n"), "clerk");
		assertThat(newLine.path("indication").asText()).isEqualTo("INDETERMINATE");
		assertThat(newLine.path("uncovered").path(0).path("kind").asText()).isEqualTo("WHITESPACE");

		TestCertificates.Issued authority = TestCertificates.demoAuthority(this.keys, this.properties);
		Instant now = this.clock.instant();
		TestCertificates.Issued expired = TestCertificates.issue("CN=Lê Văn Hết Hạn,C=VN", authority,
				now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)), TestCertificates.SIGNING);
		JsonNode report = upload(
				new PdfSigner().sign(SignRequest.baselineB(onePagePdf(), null), SigningKey
					.of(expired.keys().getPrivate(), List.of(expired.certificate(), authority.certificate()))),
				"clerk");
		assertThat(report.path("indication").asText()).isEqualTo("INVALID");
		JsonNode signature = report.path("signatures").path(0);
		assertThat(signature.path("signatureValid").asBoolean()).isTrue();
		assertThat(signature.path("chainTrusted").asBoolean()).isTrue();
		assertThat(signature.path("reasons").path(0).asText()).startsWith("the signer certificate had expired")
			.contains("to " + expired.certificate().getNotAfter().toInstant());
	}

	private static byte[] onePagePdf() throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] append(byte[] pdf, String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(pdf);
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	@Test
	void verificationAnswersForAnyFile() throws Exception {
		assertThat(upload("not a pdf".getBytes(StandardCharsets.UTF_8), "clerk").path("indication").asText())
			.isEqualTo("INVALID");
		assertThat(uploadStatus(new byte[0], "clerk")).isEqualTo(422);
	}

	private String approvedDossier() {
		String code = receiveDossier("clerk");
		complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER), "PROPOSE_APPROVAL");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
		return code;
	}

	private byte[] latestSignedResult(String code) throws IOException, InterruptedException {
		Api.Reply list = as("clerk").get("/api/v1/dossiers/" + code + "/documents");
		assertThat(list.status()).isEqualTo(200);
		long id = -1;
		for (JsonNode document : list.body()) {
			if (document.path("kind").asText().equals("SIGNED_RESULT")) {
				id = Math.max(id, document.path("id").asLong());
			}
		}
		assertThat(id).isPositive();
		HttpResponse<byte[]> content = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(
						"http://localhost:" + this.port + "/api/v1/dossiers/" + code + "/documents/" + id + "/content"))
				.header("Authorization", basic("clerk"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(content.statusCode()).isEqualTo(200);
		return content.body();
	}

	private JsonNode upload(byte[] pdf, String user) throws IOException, InterruptedException {
		HttpResponse<String> response = send(pdf, user);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private int uploadStatus(byte[] pdf, String user) throws IOException, InterruptedException {
		return send(pdf, user).statusCode();
	}

	private HttpResponse<String> send(byte[] pdf, String user) throws IOException, InterruptedException {
		String boundary = "motcua-" + UUID.randomUUID();
		byte[] head = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"result.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + pdf.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(pdf, 0, body, head.length, pdf.length);
		System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/signatures/verification"))
				.header("Authorization", basic(user))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

}
