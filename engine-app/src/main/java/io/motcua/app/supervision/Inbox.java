package io.motcua.app.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.dossier.DossierStuck;
import io.motcua.app.security.Role;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.sla.DeadlineMissed;
import io.motcua.app.system.PageView;
import io.motcua.app.system.ProblemException;

/**
 * Staff inboxes. A missed deadline, and a dossier that is stuck, put an entry into the
 * inbox of every supervisor of the unit that holds the dossier.
 */
@Service
public class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private static final String DEADLINE_MISSED = "DEADLINE_MISSED";

	private static final String DOSSIER_STUCK = "DOSSIER_STUCK";

	/** The inbox's column holds this much. */
	private static final int MESSAGE_LENGTH = 1000;

	private final InboxEntryRepository entries;

	private final StaffDirectory directory;

	private final Clock clock;

	Inbox(InboxEntryRepository entries, StaffDirectory directory, Clock clock) {
		this.entries = entries;
		this.directory = directory;
		this.clock = clock;
	}

	/** The caller's inbox, newest first. */
	@Transactional(readOnly = true)
	public PageView<Message> mine(int page, int size) {
		return PageView.of(this.entries.findByRecipientOrderByCreatedAtDescIdDesc(
				this.directory.currentCaller().username(), PageRequest.of(page, size)), Message::of);
	}

	/** Marks one of the caller's messages read. */
	@Transactional
	public Message read(long id) {
		InboxEntry entry = this.entries.findByIdAndRecipient(id, this.directory.currentCaller().username())
			.orElseThrow(() -> ProblemException.notFound("No message " + id));
		entry.markRead(this.clock.instant());
		return Message.of(entry);
	}

	/**
	 * Tells every supervisor of the unit that holds the dossier, after the missed
	 * deadline has committed; run again (after a failure, or on another node), it tells
	 * nobody twice.
	 */
	@ApplicationModuleListener
	void on(DeadlineMissed missed) {
		String message = "Hồ sơ " + missed.dossierCode() + " đã quá hạn (hạn " + missed.dueAt() + ") / Dossier "
				+ missed.dossierCode() + " is overdue (due " + missed.dueAt() + ")";
		tellSupervisors(missed.processingUnit(), missed.dossierCode(), DEADLINE_MISSED, message);
	}

	/**
	 * Tells every supervisor of the unit that processes a stuck dossier, after the fact
	 * has committed: where it is stuck, why, and since when (which tells one time from
	 * the next, should it get stuck again); run again, it tells nobody twice.
	 */
	@ApplicationModuleListener
	void on(DossierStuck stuck) {
		String where = (stuck.step() != null) ? stuck.step() : "—";
		String why = (stuck.detail() != null) ? ": " + stuck.detail() : "";
		String message = switch (stuck.cause()) {
			case INCIDENT -> "Hồ sơ " + stuck.dossierCode() + " bị dừng do lỗi ở bước " + where + " (từ " + stuck.at()
					+ "), cần quản trị viên chạy lại / Dossier " + stuck.dossierCode() + " is stuck: step " + where
					+ " failed (since " + stuck.at() + ")" + why;
			case VERIFICATION_FAILED -> "Hồ sơ " + stuck.dossierCode() + " có kết quả ký số không xác minh được (từ "
					+ stuck.at() + "), cần trả về bước ký / The signed result of dossier " + stuck.dossierCode()
					+ " does not verify (since " + stuck.at() + "): send it back to signing";
			case REACTION_FAILED -> "Hồ sơ " + stuck.dossierCode() + ": xử lý nền " + where + " lỗi nhiều lần (từ "
					+ stuck.at() + ") / Dossier " + stuck.dossierCode() + ": background work " + where
					+ " keeps failing (since " + stuck.at() + ")" + why;
		};
		tellSupervisors(stuck.processingUnit(), stuck.dossierCode(), DOSSIER_STUCK,
				(message.length() > MESSAGE_LENGTH) ? message.substring(0, MESSAGE_LENGTH - 1) + "…" : message);
	}

	private void tellSupervisors(String unit, String dossierCode, String kind, String message) {
		List<String> supervisors = this.directory.staffWithRole(unit, Role.SUPERVISOR);
		for (String supervisor : supervisors) {
			if (!this.entries.existsByRecipientAndDossierCodeAndKindAndMessage(supervisor, dossierCode, kind,
					message)) {
				this.entries.save(new InboxEntry(supervisor, dossierCode, kind, message, this.clock.instant()));
			}
		}
		if (supervisors.isEmpty()) {
			log.warn("Dossier {}: {} but unit {} has no supervisor to notify", dossierCode, kind, unit);
		}
	}

	/**
	 * A message as its recipient sees it.
	 *
	 * @param id message id
	 * @param dossierCode the dossier it is about
	 * @param kind what kind of message
	 * @param message the text, Vietnamese then English
	 * @param createdAt when
	 * @param readAt when read, null while unread
	 */
	public record Message(long id, String dossierCode, String kind, String message, Instant createdAt, Instant readAt) {

		static Message of(InboxEntry entry) {
			return new Message(entry.id(), entry.dossierCode(), entry.kind(), entry.message(), entry.createdAt(),
					entry.readAt());
		}

	}

}
