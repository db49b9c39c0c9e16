package io.motcua.app.outbound;

import java.util.Arrays;
import java.util.Optional;

import io.motcua.app.dossier.BusinessEvent;
import io.motcua.app.dossier.DossierReceived;
import io.motcua.app.dossier.DossierStatusChanged;
import io.motcua.app.lifecycle.StepCompleted;
import io.motcua.app.lifecycle.SupplementReceived;
import io.motcua.app.sla.DeadlineMissed;
import io.motcua.app.sla.DossierExtended;

/**
 * The kinds of event the world receives, as CloudEvents {@code type}s. The version is
 * part of the type: a change a receiver could trip over gets a new type, announced beside
 * the old one. Every status change is one event: of its own type when the status has a
 * name a receiver acts on (supplement requested, result ready, returned, withdrawn), of
 * {@link #STATUS_CHANGED} otherwise; each carries {@code from} and {@code to}. Schemas:
 * {@code events/asyncapi.yaml}.
 */
public enum EventType {

	RECEIVED("vn.motcua.dossier.received.v1", "Hồ sơ đã được tiếp nhận", "A dossier was received"),

	STATUS_CHANGED("vn.motcua.dossier.status-changed.v1", "Hồ sơ chuyển trạng thái",
			"A dossier's status changed (statuses without a type of their own)"),

	STEP_COMPLETED("vn.motcua.dossier.step-completed.v1", "Một bước xử lý đã hoàn thành",
			"A step of a dossier was completed"),

	SUPPLEMENT_REQUESTED("vn.motcua.dossier.supplement-requested.v1", "Yêu cầu bổ sung hồ sơ",
			"The office asked the applicant for missing documents"),

	SUPPLEMENT_RECEIVED("vn.motcua.dossier.supplement-received.v1", "Đã nhận hồ sơ bổ sung",
			"The supplement arrived; the clock runs again"),

	EXTENDED("vn.motcua.dossier.extended.v1", "Gia hạn, hẹn lại ngày trả kết quả",
			"The office extended the appointment (apology letter)"),

	OVERDUE("vn.motcua.dossier.overdue.v1", "Hồ sơ quá hạn", "A dossier passed its due date"),

	RESULT_READY("vn.motcua.dossier.result-ready.v1", "Đã có kết quả", "The signed result is ready"),

	RETURNED("vn.motcua.dossier.returned.v1", "Đã trả kết quả",
			"The result (or the unprocessed dossier) was handed back"),

	WITHDRAWN("vn.motcua.dossier.withdrawn.v1", "Hồ sơ đã được rút", "The applicant withdrew the dossier");

	private final String type;

	private final String titleVi;

	private final String title;

	EventType(String type, String titleVi, String title) {
		this.type = type;
		this.titleVi = titleVi;
		this.title = title;
	}

	/** The CloudEvents {@code type}. */
	public String type() {
		return this.type;
	}

	/** What it means, in Vietnamese. */
	public String titleVi() {
		return this.titleVi;
	}

	/** What it means, in English. */
	public String title() {
		return this.title;
	}

	/** The type of a CloudEvents {@code type} name. */
	public static Optional<EventType> named(String type) {
		return Arrays.stream(values()).filter((candidate) -> candidate.type.equals(type)).findFirst();
	}

	/** The type a business event is told to the world as. */
	public static EventType of(BusinessEvent event) {
		if (event instanceof DossierReceived) {
			return RECEIVED;
		}
		if (event instanceof DossierStatusChanged changed) {
			return switch (changed.to()) {
				case AWAITING_SUPPLEMENT -> SUPPLEMENT_REQUESTED;
				case RESULT_READY -> RESULT_READY;
				case RETURNED, RETURNED_UNPROCESSED -> RETURNED;
				case WITHDRAWN -> WITHDRAWN;
				default -> STATUS_CHANGED;
			};
		}
		if (event instanceof StepCompleted) {
			return STEP_COMPLETED;
		}
		if (event instanceof SupplementReceived) {
			return SUPPLEMENT_RECEIVED;
		}
		if (event instanceof DossierExtended) {
			return EXTENDED;
		}
		if (event instanceof DeadlineMissed) {
			return OVERDUE;
		}
		throw new IllegalArgumentException("No outbound type for " + event.getClass().getName());
	}

}
