package io.motcua.app.dossier;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The records the dossier feature answers with. Never entities.
 */
public final class DossierViews {

	private DossierViews() {
	}

	/**
	 * What a new dossier consists of, once intake has checked the request and resolved
	 * the units.
	 *
	 * @param procedureCode the procedure
	 * @param procedureVersion its descriptor version
	 * @param processKey the process that runs it
	 * @param channel how it arrived
	 * @param applicant who applied
	 * @param formData the application form, a JSON object
	 * @param formId id of the form it was validated against
	 * @param formVersion version of that form
	 * @param receivingUnit unit that received it
	 * @param processingUnit unit that processes it
	 */
	public record NewDossier(String procedureCode, int procedureVersion, String processKey, Channel channel,
			ApplicantData applicant, JsonNode formData, String formId, String formVersion, String receivingUnit,
			String processingUnit) {
	}

	/**
	 * The applicant's details.
	 *
	 * @param fullName full name
	 * @param identityNumber citizen identity number
	 * @param phone phone, may be null
	 * @param email email, may be null
	 * @param address address
	 */
	public record ApplicantData(String fullName, String identityNumber, String phone, String email, String address) {

		static ApplicantData of(Applicant applicant) {
			return new ApplicantData(applicant.fullName(), applicant.identityNumber(), applicant.phone(),
					applicant.email(), applicant.address());
		}

	}

	/**
	 * A dossier as staff see it; {@code paperOriginals} is the counter's checklist: the
	 * documents received on paper, with their copies (files are its documents).
	 */
	public record DossierView(String code, String procedureCode, int procedureVersion, Channel channel,
			ApplicantData applicant, JsonNode formData, String formId, String formVersion, DossierStatus status,
			String receivingUnit, String processingUnit, Instant receivedAt, Instant dueAt, Instant warningAt,
			Instant overdueAt, Instant completedAt, Instant returnedAt, DossierOutcome outcome, String verdict,
			String receivedBy, java.util.List<PaperOriginal> paperOriginals) {
	}

	/**
	 * A dossier just registered.
	 *
	 * @param code its code
	 * @param receivedAt when it was received
	 * @param lookupSecret the applicant's lookup secret in clear: printed on the receipt,
	 * stored only as a hash
	 */
	public record RegisteredDossier(String code, Instant receivedAt, String lookupSecret) {
	}

	/**
	 * What other features need to know of a dossier, unscoped: for listeners, never for
	 * answering a caller.
	 *
	 * @param code the dossier
	 * @param procedureCode its procedure
	 * @param status its status
	 * @param receivingUnit unit that received it
	 * @param processingUnit unit that processes it
	 * @param receivedAt when it was received
	 * @param dueAt its due date, null while paused
	 * @param completed whether its result is ready (or it ended otherwise)
	 * @param processInstanceId its process, null before it started
	 */
	public record DossierFacts(String code, String procedureCode, DossierStatus status, String receivingUnit,
			String processingUnit, Instant receivedAt, Instant dueAt, boolean completed, String processInstanceId) {
	}

	/**
	 * A document the applicant brought on paper, ticked at the counter.
	 *
	 * @param documentType the procedure's document type code
	 * @param copies how many copies were received
	 */
	public record PaperOriginal(String documentType, int copies) implements java.io.Serializable {
	}

	/**
	 * A dossier just received; the only time the lookup secret is shown.
	 * {@code receiptUrl} is where the receipt (Form 01) is downloaded, as multipart
	 * intake answers it.
	 */
	public record ReceivedDossier(String code, DossierStatus status, Instant receivedAt, Instant dueAt,
			String lookupSecret, String procedureCode, String receivingUnit, String processingUnit,
			String receiptUrl) implements java.io.Serializable {
	}

	/**
	 * One line of a dossier list.
	 */
	public record DossierSummary(String code, String procedureCode, String applicantName, Channel channel,
			DossierStatus status, String receivingUnit, String processingUnit, Instant receivedAt, Instant dueAt,
			Instant completedAt, boolean overdue, String verdict) {
	}

	/**
	 * One entry of a dossier's timeline.
	 */
	public record TimelineEntry(Instant at, String actor, String type, DossierStatus fromStatus, DossierStatus toStatus,
			String detail) {
	}

	/**
	 * What the applicant sees in the public lookup: nothing personal.
	 */
	public record PublicDossierView(String code, String procedureCode, String procedureName, DossierStatus status,
			Instant receivedAt, Instant dueAt, Instant completedAt, Instant returnedAt, List<PublicStep> steps) {
	}

	/**
	 * A step done, as the public lookup shows it.
	 *
	 * @param status the status reached
	 * @param at when
	 */
	public record PublicStep(DossierStatus status, Instant at) {
	}

	/**
	 * Filters of the dossier list.
	 *
	 * @param status only this status, may be null
	 * @param procedureCode only this procedure, may be null
	 * @param overdue only dossiers past their due date and not completed (true), or only
	 * those that are not (false), may be null
	 * @param text words to find in the dossier's documents (full-text on PostgreSQL), may
	 * be null
	 */
	public record DossierFilter(DossierStatus status, String procedureCode, Boolean overdue, String text) {
	}

	/**
	 * An open dossier and its process instance, for work that walks every open dossier.
	 *
	 * @param code the dossier's code
	 * @param processInstanceId its process instance, null before the process started
	 * @param procedureCode its procedure
	 */
	public record OpenDossier(String code, String processInstanceId, String procedureCode) {
	}

	/**
	 * A due date and warning the deadline ledger derived for a dossier (both null while
	 * its clock is stopped).
	 *
	 * @param code the dossier's code
	 * @param dueAt the due date
	 * @param warningAt when the dossier counts as due soon
	 */
	public record ScheduledDeadline(String code, Instant dueAt, Instant warningAt) {
	}

}
