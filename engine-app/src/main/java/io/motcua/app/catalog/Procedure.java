package io.motcua.app.catalog;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import io.motcua.app.security.UnitType;

/**
 * A procedure of the catalog, as its descriptor file states it.
 *
 * @param code catalog code, unique, printed on receipts
 * @param version descriptor version; a dossier records the version it was received under
 * @param name official name
 * @param field the sector the procedure belongs to
 * @param processingDays legal processing time in working days (may be fractional)
 * @param fee fee in VND, 0 when free
 * @param requiredDocuments documents the applicant must bring
 * @param formId id of the application form in the forms module
 * @param processKey BPMN process key that runs dossiers of this procedure
 * @param processingUnitType level of unit that processes it
 * @param onlineAllowed whether it may be submitted online
 * @param supplementResumeMode what happens to the time budget after a supplement arrives
 * @param stepShares optional split of the processing time over the lifecycle's user
 * tasks, in percent by task id; a default split applies when empty
 * @param cutOffTime receipts at or after this local time count from the next working day;
 * null for the province's default ({@code motcua.sla.cut-off}, 15:00)
 * @param sameWorkingDay whether the result is due by the end of the working day the count
 * starts on (copy certification: that day, or the next one after the cut-off), instead of
 * after {@code processingDays}
 */
public record Procedure(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9.-]{0,39}") String code,
		@NotNull @Positive Integer version, @NotBlank String name, @NotBlank String field,
		@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal processingDays,
		@NotNull @PositiveOrZero Long fee, @NotEmpty List<@Valid RequiredDocument> requiredDocuments,
		@NotBlank @Pattern(regexp = "[a-z0-9-]+") String formId, @NotBlank String processKey,
		@NotNull UnitType processingUnitType, @NotNull Boolean onlineAllowed,
		@NotNull SupplementResumeMode supplementResumeMode, Map<String, @NotNull @Positive Integer> stepShares,
		LocalTime cutOffTime, Boolean sameWorkingDay) {

	public Procedure {
		sameWorkingDay = Boolean.TRUE.equals(sameWorkingDay);
		requiredDocuments = (requiredDocuments != null) ? List.copyOf(requiredDocuments) : List.of();
		stepShares = (stepShares != null) ? Map.copyOf(stepShares) : Map.of();
	}

	/** Step shares, when given, split the whole budget. */
	@JsonIgnore
	@AssertTrue(message = "must add up to 100 (percent of the processing time per step)")
	boolean isStepSharesComplete() {
		return this.stepShares.isEmpty() || this.stepShares.values().stream().mapToInt(Integer::intValue).sum() == 100;
	}

	/**
	 * A document the applicant must (or may) bring.
	 *
	 * @param type code of the document type, unique within the procedure
	 * @param name official name
	 * @param copies how many copies
	 * @param required whether the dossier is incomplete without it
	 * @param formats accepted formats (pdf, jpeg, png, tiff, docx, doc, xlsx, odt)
	 */
	public record RequiredDocument(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") String type, @NotBlank String name,
			@NotNull @Positive Integer copies, @NotNull Boolean required,
			@NotEmpty List<@Pattern(regexp = "pdf|jpeg|png|tiff|docx|doc|xlsx|odt") String> formats) {

		public RequiredDocument {
			formats = (formats != null) ? List.copyOf(formats) : List.of();
		}

	}

	/** What happens to the time budget when a requested supplement arrives. */
	public enum SupplementResumeMode {

		/** The remaining time continues. */
		CONTINUE,
		/** The full processing time starts again. */
		RESTART

	}

}
