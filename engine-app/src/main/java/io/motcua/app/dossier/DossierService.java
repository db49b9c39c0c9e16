package io.motcua.app.dossier;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.audit.AuditChain;
import io.motcua.app.audit.AuditFact;
import io.motcua.app.audit.AuditKind;
import io.motcua.app.audit.AuditTrail;
import io.motcua.app.audit.AuditedRow;
import io.motcua.app.dossier.DossierViews.ApplicantData;
import io.motcua.app.dossier.DossierViews.DossierFacts;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.dossier.DossierViews.NewDossier;
import io.motcua.app.dossier.DossierViews.OpenDossier;
import io.motcua.app.dossier.DossierViews.PaperOriginal;
import io.motcua.app.dossier.DossierViews.RegisteredDossier;
import io.motcua.app.dossier.DossierViews.ScheduledDeadline;
import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;

/**
 * The public face of the dossier feature: the dossier row (the business state other
 * features project into it), its timeline and the applicant's lookup. Every read for a
 * caller is scoped to the caller's units: a dossier neither received nor processed by one
 * of them does not exist for the caller. Methods that name no caller serve other features
 * inside their commands.
 */
@Service
public class DossierService {

	private static final Logger log = LoggerFactory.getLogger(DossierService.class);

	private final DossierRepository dossiers;

	private final DossierEventRepository events;

	private final DossierCodes codes;

	private final StaffDirectory directory;

	private final DossierProperties properties;

	private final ObjectMapper objectMapper;

	private final ApplicationEventPublisher publisher;

	private final DossierDeadlines deadlines;

	private final EntityManager entityManager;

	private final AuditTrail audit;

	private final PaperOriginals paperOriginals;

	private final Clock clock;

	DossierService(DossierRepository dossiers, DossierEventRepository events, DossierCodes codes,
			StaffDirectory directory, DossierProperties properties, ObjectMapper objectMapper,
			ApplicationEventPublisher publisher, DossierDeadlines deadlines, EntityManager entityManager,
			AuditTrail audit, PaperOriginals paperOriginals, Clock clock) {
		this.paperOriginals = paperOriginals;
		this.dossiers = dossiers;
		this.events = events;
		this.codes = codes;
		this.directory = directory;
		this.properties = properties;
		this.objectMapper = objectMapper;
		this.publisher = publisher;
		this.deadlines = deadlines;
		this.entityManager = entityManager;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Stores a new dossier with its code and lookup secret and records its receipt in the
	 * timeline; {@link DossierReceived} follows once the intake commits.
	 */
	@Transactional
	public RegisteredDossier register(NewDossier request) {
		Instant now = this.clock.instant();
		LocalDate day = now.atZone(this.properties.zone()).toLocalDate();
		String code = this.codes.next(request.receivingUnit(), day);
		String secret = LookupSecrets.generate();
		ApplicantData applicant = request.applicant();
		String receivedBy = this.directory.currentActor();
		Dossier dossier = new Dossier(code, request.procedureCode(), request.procedureVersion(),
				new Applicant(applicant.fullName(), applicant.identityNumber(), applicant.phone(), applicant.email(),
						applicant.address()),
				request.channel(), request.formData().toString(), request.receivingUnit(), request.processingUnit(),
				now, receivedBy, LookupSecrets.hash(secret));
		dossier.submittedWith(request.formId(), request.formVersion());
		this.dossiers.save(dossier);
		// A new row, seen by no other transaction: nothing to lock
		chain(dossier, this.events.save(dossier.received()));
		this.publisher.publishEvent(new DossierReceived(code, request.procedureCode(), request.channel(),
				request.receivingUnit(), request.processingUnit(), now, receivedBy, nextEventNumber(code)));
		log.info("Dossier {} received at {} for procedure {}", code, request.receivingUnit(), request.procedureCode());
		return new RegisteredDossier(code, now, secret);
	}

	/**
	 * The paper originals the counter ticked as received with a new dossier, in the
	 * intake's transaction.
	 */
	@Transactional
	public void recordPaperOriginals(String code, List<PaperOriginal> originals) {
		byCode(code);
		this.entityManager.flush();
		this.paperOriginals.add(code, originals);
	}

	/**
	 * The paper originals received with a dossier, by document type; for a dossier the
	 * caller may see or for the office's letters.
	 */
	@Transactional(readOnly = true)
	public List<PaperOriginal> paperOriginals(String code) {
		return this.paperOriginals.of(code);
	}

	/**
	 * The dossier was submitted on the national portal under {@code portalCode}; the
	 * portal follows it by that code.
	 */
	@Transactional
	public void recordPortalCode(String code, String portalCode) {
		byCode(code).handedOverAs(portalCode);
	}

	/** The portal's code of a dossier handed over from it, empty for any other. */
	@Transactional(readOnly = true)
	public Optional<String> portalCode(String code) {
		return Optional.ofNullable(byCode(code).portalCode());
	}

	/** The code of the dossier the portal handed over as {@code portalCode}; unscoped. */
	@Transactional(readOnly = true)
	public Optional<String> codeOfPortalDossier(String portalCode) {
		return this.dossiers.findByPortalCode(portalCode).map(Dossier::code);
	}

	/** The dossier's process started. */
	@Transactional
	public void processStarted(String code, String processInstanceId) {
		byCode(code).attachProcess(processInstanceId);
	}

	/**
	 * The process reached a step that puts the dossier into {@code status}: the row and
	 * the timeline follow; {@link DossierStatusChanged} follows once the command commits.
	 * A status the dossier already has changes nothing.
	 */
	@Transactional
	public void moveTo(String code, DossierStatus status, String stepName, String actor, String reason) {
		Dossier dossier = byCode(code);
		DossierStatus previous = dossier.status();
		if (previous == status) {
			return;
		}
		Instant now = this.clock.instant();
		lock(dossier);
		chain(dossier, this.events.save(dossier.moveTo(status, now, actor, stepName)));
		this.publisher.publishEvent(new DossierStatusChanged(code, dossier.procedureCode(), dossier.processingUnit(),
				previous, status, now, actor, reason, nextEventNumber(code)));
	}

	/**
	 * Numbers the next business event of a dossier ({@link BusinessEvent#sequence}). The
	 * dossier row stays locked until the command commits, so a later command on the same
	 * dossier takes the next number and commits after this one: the numbers follow the
	 * order of commits, without gaps.
	 */
	@Transactional
	public long nextEventNumber(String code) {
		int updated = this.entityManager
			.createNativeQuery("update dossier set event_sequence = event_sequence + 1 where code = :code")
			.setParameter("code", code)
			.executeUpdate();
		if (updated != 1) {
			throw new IllegalStateException("No dossier " + code + " in the dossier table");
		}
		return ((Number) this.entityManager.createNativeQuery("select event_sequence from dossier where code = :code")
			.setParameter("code", code)
			.getSingleResult()).longValue();
	}

	/** Facts of a dossier for other features' commands and reactions; unscoped. */
	@Transactional(readOnly = true)
	public DossierFacts facts(String code) {
		Dossier dossier = byCode(code);
		return new DossierFacts(dossier.code(), dossier.procedureCode(), dossier.status(), dossier.receivingUnit(),
				dossier.processingUnit(), dossier.receivedAt(), dossier.dueAt(), dossier.isCompleted(),
				dossier.processInstanceId());
	}

	/** Every dossier whose result is not ready yet, with its process, oldest first. */
	@Transactional(readOnly = true)
	public List<OpenDossier> openDossiers() {
		return this.deadlines.open();
	}

	/**
	 * The deadline ledger derived new due dates for many dossiers at once (after a
	 * calendar change): written in one batch, without loading the dossiers.
	 */
	@Transactional
	public void scheduleDeadlines(List<ScheduledDeadline> scheduled) {
		this.deadlines.schedule(scheduled);
	}

	/**
	 * The deadline ledger derived a new due date and warning (null while the clock is
	 * stopped).
	 */
	@Transactional
	public void scheduleDeadline(String code, Instant dueAt, Instant warningAt) {
		byCode(code).schedule(dueAt, warningAt);
	}

	/** The overdue timer fired. */
	@Transactional
	public void markOverdue(String code) {
		Dossier dossier = byCode(code);
		lock(dossier);
		chain(dossier, this.events.save(dossier.markOverdue(this.clock.instant())));
	}

	/**
	 * Records the verdict (EARLY, ON_TIME, LATE) once the result is ready;
	 * {@link DossierJudged} tells the command's listeners.
	 */
	@Transactional
	public void recordVerdict(String code, String verdict) {
		Dossier dossier = byCode(code);
		Instant now = this.clock.instant();
		lock(dossier);
		chain(dossier, this.events.save(dossier.judge(verdict, now)));
		this.publisher.publishEvent(new DossierJudged(code, dossier.processingUnit(), verdict, now));
	}

	/**
	 * Adds text extracted from documents to what {@code q} in the dossier list finds the
	 * dossier by (each document's text is bounded when it is read).
	 */
	@Transactional
	public void appendSearchText(String code, String text) {
		if (text != null && !text.isBlank()) {
			this.entityManager.persist(new DossierSearchText(code, text));
		}
	}

	/**
	 * The dossier cannot move on by itself: the timeline says where and why, and
	 * {@link DossierStuck} tells the unit's supervisors after commit. Unscoped, for the
	 * engine's jobs and the reactions; a code that names no dossier is logged and
	 * ignored, so that the failure being reported is not hidden by a second one.
	 * @param step where it is stuck (a step's name, a reaction)
	 * @param detail the error, as an operator reads it
	 */
	@Transactional
	public void reportStuck(String code, DossierStuck.Cause cause, String step, String detail) {
		Optional<Dossier> found = loaded(code);
		if (found.isEmpty()) {
			log.warn("Cannot report dossier {} as stuck ({} at {}): there is no such dossier", code, cause, step);
			return;
		}
		Dossier dossier = found.get();
		Instant now = this.clock.instant();
		String shown = (detail != null && detail.length() > 500) ? detail.substring(0, 500) + "…" : detail;
		this.events.save(dossier.note("STUCK", now, StaffDirectory.SYSTEM_ACTOR, cause + " · " + step + ": " + shown));
		this.publisher.publishEvent(new DossierStuck(code, dossier.processingUnit(), cause, step, shown, now));
		log.warn("Dossier {} is stuck ({}) at {}: {}", code, cause, step, shown);
	}

	/** Adds a note to a dossier's timeline on behalf of the current actor. */
	@Transactional
	public void note(String code, String type, String detail) {
		note(code, type, this.directory.currentActor(), detail);
	}

	/** Adds a note to a dossier's timeline on behalf of {@code actor}. */
	@Transactional
	public void note(String code, String type, String actor, String detail) {
		Dossier dossier = byCode(code);
		lock(dossier);
		chain(dossier, this.events.save(dossier.note(type, this.clock.instant(), actor, detail)));
	}

	/**
	 * Adds a fact about a dossier that another feature owns (a signature) to the
	 * dossier's audit chain, in the caller's transaction.
	 */
	@Transactional
	public void audit(String code, AuditFact fact) {
		Dossier dossier = byCode(code);
		lock(dossier);
		this.audit.append(AuditChain.dossier(code), fact);
	}

	/**
	 * Takes the dossier row's lock until the command commits: the writers of its timeline
	 * and audit chain follow one another, so the chain's next position is read and taken
	 * by one of them at a time. It is the lock {@link #nextEventNumber} takes; a command
	 * that holds it already passes at once.
	 */
	private void lock(Dossier dossier) {
		this.entityManager.createNativeQuery("select id from dossier where id = :id for update")
			.setParameter("id", dossier.id())
			.getSingleResult();
	}

	/** Chains a timeline entry just written, with the hash of its row. */
	private void chain(Dossier dossier, DossierEvent event) {
		this.audit.append(AuditChain.dossier(dossier.code()),
				new AuditFact(AuditKind.TIMELINE, event.at(), event.actor(), dossier.code(), event.type(),
						new AuditedRow(TimelineRows.TABLE, event.id(), event.digest())));
	}

	/**
	 * A dossier whoever asks: for reactions and jobs that act for the office (letters,
	 * signing), never to answer a caller.
	 */
	@Transactional(readOnly = true)
	public DossierView record(String code) {
		return view(byCode(code));
	}

	/** A dossier the caller may see. */
	@Transactional(readOnly = true)
	public DossierView find(String code) {
		return view(visible(code));
	}

	/**
	 * The dossier by its code. Resolved through the persistence context first, so the
	 * many features that touch one dossier within a command read its row once.
	 */
	private Dossier byCode(String code) {
		return loaded(code)
			.orElseThrow(() -> new IllegalStateException("No dossier " + code + " in the dossier table"));
	}

	private Optional<Dossier> loaded(String code) {
		return this.entityManager.unwrap(Session.class).bySimpleNaturalId(Dossier.class).loadOptional(code);
	}

	/**
	 * A dossier the caller may see, as stored; for the queries of this feature. Resolved
	 * through the persistence context as {@link #byCode} is: a command that checks the
	 * dossier first and answers with it at the end reads it once.
	 */
	Dossier visible(String code) {
		Caller caller = this.directory.currentCaller();
		return loaded(code)
			.filter((dossier) -> caller.sees(dossier.receivingUnit()) || caller.sees(dossier.processingUnit()))
			.orElseThrow(() -> ProblemException.notFound("No dossier " + code));
	}

	private DossierView view(Dossier dossier) {
		return new DossierView(dossier.code(), dossier.procedureCode(), dossier.procedureVersion(), dossier.channel(),
				ApplicantData.of(dossier.applicant()), json(dossier.formData()), dossier.formId(),
				dossier.formVersion(), dossier.status(), dossier.receivingUnit(), dossier.processingUnit(),
				dossier.receivedAt(), dossier.dueAt(), dossier.warningAt(), dossier.overdueAt(), dossier.completedAt(),
				dossier.returnedAt(), dossier.outcome(), dossier.verdict(), dossier.receivedBy(),
				this.paperOriginals.of(dossier.code()));
	}

	private JsonNode json(String formData) {
		try {
			return this.objectMapper.readTree(formData);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Stored form data is not JSON", ex);
		}
	}

}
