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

import io.motcua.app.security.Role;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.sla.DeadlineMissed;
import io.motcua.app.system.PageView;
import io.motcua.app.system.ProblemException;

/**
 * Staff inboxes. A missed deadline puts an entry into the inbox of every supervisor of
 * the unit that holds the dossier.
 */
@Service
public class Inbox {

	private static final Logger log = LoggerFactory.getLogger(Inbox.class);

	private static final String DEADLINE_MISSED = "DEADLINE_MISSED";

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
		List<String> supervisors = this.directory.staffWithRole(missed.processingUnit(), Role.SUPERVISOR);
		String message = "Hồ sơ " + missed.dossierCode() + " đã quá hạn (hạn " + missed.dueAt() + ") / Dossier "
				+ missed.dossierCode() + " is overdue (due " + missed.dueAt() + ")";
		for (String supervisor : supervisors) {
			if (!this.entries.existsByRecipientAndDossierCodeAndKindAndMessage(supervisor, missed.dossierCode(),
					DEADLINE_MISSED, message)) {
				this.entries.save(new InboxEntry(supervisor, missed.dossierCode(), DEADLINE_MISSED, message,
						this.clock.instant()));
			}
		}
		if (supervisors.isEmpty()) {
			log.warn("Dossier {} is overdue but unit {} has no supervisor to notify", missed.dossierCode(),
					missed.processingUnit());
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
