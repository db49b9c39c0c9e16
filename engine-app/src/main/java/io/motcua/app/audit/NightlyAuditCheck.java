package io.motcua.app.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.motcua.app.audit.AuditReport.ChainBreak;

/**
 * Checks every chain of the audit trail each night
 * ({@code motcua.audit.verification-cron}) and logs each broken one at ERROR with its
 * first broken position; the metric {@code motcua.audit.broken.chains} says how many
 * there were, for an alert.
 */
@Component
class NightlyAuditCheck {

	private static final Logger log = LoggerFactory.getLogger(NightlyAuditCheck.class);

	private final AuditVerification verification;

	private final Clock clock;

	NightlyAuditCheck(AuditVerification verification, Clock clock) {
		this.verification = verification;
		this.clock = clock;
	}

	@Scheduled(cron = "${motcua.audit.verification-cron:0 30 3 * * *}",
			zone = "${motcua.dossier.zone:Asia/Ho_Chi_Minh}")
	void scheduled() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			log.error("The nightly check of the audit trail failed; it runs again next night, or now with"
					+ " GET /api/v1/admin/audit/verification", ex);
		}
	}

	/** Runs the check and logs what it found. */
	AuditReport check() {
		Instant started = this.clock.instant();
		AuditReport report = this.verification.verifyAll();
		Duration took = Duration.between(started, this.clock.instant());
		for (ChainBreak broken : report.broken()) {
			log.error(
					"Audit chain {} is broken at position {}: {}. {}. Rows were changed in the database behind"
							+ " the application: compare with a backup and find who had write access",
					broken.chain(), broken.position(), broken.reason(), broken.explanation());
		}
		if (report.intact()) {
			log.info("Audit trail intact: {} chains, {} entries checked in {} s", report.chains(), report.entries(),
					took.toSeconds());
		}
		else {
			log.error("Audit trail: {} of {} chains broken ({} entries checked)", report.broken().size(),
					report.chains(), report.entries());
		}
		return report;
	}

}
