package io.motcua.app.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.documents.DocumentView;
import io.motcua.app.documents.IncomingFile;
import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.intake.DocumentedIntake.DocumentedDossier;
import io.motcua.app.security.MachineClient;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;

/**
 * Dossiers submitted on the national public-service portal, handed over by it: one path,
 * as at the counter but ONLINE, with the same checks of the application and its files,
 * received at one of the client's units, bound to the portal's own code, and idempotent
 * by the request's {@code Idempotency-Key}: a retry (the portal lost the answer) gets the
 * dossier the first request made, never a second one.
 */
@Service
class HandOvers {

	private static final Logger log = LoggerFactory.getLogger(HandOvers.class);

	private final DocumentedIntake intake;

	private final DossierService dossiers;

	private final StaffDirectory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	HandOvers(DocumentedIntake intake, DossierService dossiers, StaffDirectory directory, JdbcClient jdbc,
			Clock clock) {
		this.intake = intake;
		this.dossiers = dossiers;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Check the key, the portal code and the application → answer the dossier of an
	 * earlier identical request → otherwise check the files and receive the dossier,
	 * noting its portal code and the key in the same transaction.
	 * @param unit the unit that receives it, null for the client's own
	 * @throws ProblemException 422 naming what is wrong (nothing stored); 409 when the
	 * key came with another request or the portal code is a dossier already
	 */
	HandOver handOver(String idempotencyKey, String portalCode, String unit, String application,
			List<IncomingFile> files) {
		MachineClient client = this.directory.currentClient()
			.orElseThrow(() -> ProblemException.forbidden("Only a machine client hands dossiers over"));
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw ProblemException.invalid("Idempotency-Key",
					"bắt buộc, tối đa 200 ký tự / required header, up to 200 characters");
		}
		if (portalCode == null || !portalCode.matches("[A-Za-z0-9._-]{1,60}")) {
			throw ProblemException.invalid("portalCode",
					"bắt buộc, tối đa 60 ký tự chữ, số, . - _ / required: up to 60 letters, digits, . - _");
		}
		IntakeRequest request = this.intake.parse(application);
		if (request.channel() != Channel.ONLINE) {
			throw ProblemException.invalid("application.channel",
					"hồ sơ từ Cổng dịch vụ công là ONLINE / a handed-over dossier is ONLINE");
		}
		if (!request.paperOriginals().isEmpty()) {
			// Paper is received at a counter; the portal hands over files only.
			throw ProblemException.invalid("application.paperOriginals",
					"hồ sơ từ Cổng dịch vụ công gửi giấy tờ dưới dạng tệp, không có bản giấy"
							+ " / a handed-over dossier carries its documents as files, not paper");
		}
		String hash = hash(portalCode, unit, application, files);
		Optional<HandOver> earlier = earlier(client.name(), idempotencyKey, hash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		this.dossiers.codeOfPortalDossier(portalCode).ifPresent((code) -> {
			throw ProblemException.conflict("Portal dossier " + portalCode + " was handed over already as " + code);
		});
		try {
			DocumentedDossier received = this.intake.receive(request, files, unit, (code) -> {
				this.dossiers.recordPortalCode(code, portalCode);
				this.jdbc
					.sql("insert into hand_over (client, idempotency_key, request_hash, portal_code, dossier_code,"
							+ " created_at) values (?, ?, ?, ?, ?, ?)")
					.params(client.name(), idempotencyKey, hash, portalCode, code, Timestamp.from(this.clock.instant()))
					.update();
			});
			log.info("Portal dossier {} handed over by {} as {}", portalCode, client.name(), received.code());
			return new HandOver(portalCode, received.code(), received.status(), received.receivedAt(), received.dueAt(),
					received.lookupSecret(), received.receivingUnit(), received.processingUnit(), received.receiptUrl(),
					received.documents(), false);
		}
		catch (DataIntegrityViolationException ex) {
			// The same request ran at the same time and committed first
			return earlier(client.name(), idempotencyKey, hash).orElseThrow(() -> ProblemException
				.conflict("Portal dossier " + portalCode + " is being handed over by another request"));
		}
	}

	/**
	 * A dossier the portal handed over, by the portal's code, within the client's units.
	 */
	@Transactional(readOnly = true)
	HandOver find(String portalCode) {
		String code = this.dossiers.codeOfPortalDossier(portalCode)
			.orElseThrow(() -> ProblemException.notFound("No dossier handed over as " + portalCode));
		return replay(portalCode, this.dossiers.find(code));
	}

	private Optional<HandOver> earlier(String client, String key, String hash) {
		return this.jdbc
			.sql("select request_hash, portal_code, dossier_code from hand_over where client = ? and"
					+ " idempotency_key = ?")
			.params(client, key)
			.query((rs, row) -> {
				if (!rs.getString(1).equals(hash)) {
					throw ProblemException.conflict(
							"Idempotency-Key " + key + " came with another request (dossier " + rs.getString(3) + ")");
				}
				return replay(rs.getString(2), this.dossiers.find(rs.getString(3)));
			})
			.optional();
	}

	/** What a later request learns of a dossier: everything but the lookup secret. */
	private static HandOver replay(String portalCode, DossierView dossier) {
		return new HandOver(portalCode, dossier.code(), dossier.status(), dossier.receivedAt(), dossier.dueAt(), null,
				dossier.receivingUnit(), dossier.processingUnit(), "/api/v1/dossiers/" + dossier.code() + "/receipt",
				null, true);
	}

	private static String hash(String portalCode, String unit, String application, List<IncomingFile> files) {
		StringBuilder request = new StringBuilder().append(portalCode)
			.append('\n')
			.append(unit)
			.append('\n')
			.append(application)
			.append('\n');
		files.forEach((file) -> request.append(file.documentType()).append('/').append(file.fileName()).append('\n'));
		return DigestUtils.sha256Hex(request.toString());
	}

	/**
	 * A dossier handed over.
	 *
	 * @param portalCode the portal's code
	 * @param code our dossier code
	 * @param status its status
	 * @param receivedAt when it was received
	 * @param dueAt its appointment
	 * @param lookupSecret the applicant's lookup secret: in the first answer only (it is
	 * printed on the receipt too)
	 * @param receivingUnit the unit that received it
	 * @param processingUnit the unit that processes it
	 * @param receiptUrl where to download the receipt
	 * @param documents the documents received (first answer only)
	 * @param replayed whether this answers a request made before with the same key
	 */
	record HandOver(String portalCode, String code, DossierStatus status, Instant receivedAt, Instant dueAt,
			String lookupSecret, String receivingUnit, String processingUnit, String receiptUrl,
			List<DocumentView> documents, boolean replayed) {
	}

}
