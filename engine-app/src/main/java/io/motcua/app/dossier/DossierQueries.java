package io.motcua.app.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.dossier.DossierViews.DossierFilter;
import io.motcua.app.dossier.DossierViews.DossierSummary;
import io.motcua.app.dossier.DossierViews.PublicDossierView;
import io.motcua.app.dossier.DossierViews.PublicStep;
import io.motcua.app.dossier.DossierViews.TimelineEntry;
import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.PageView;

/**
 * What staff and applicants read of dossiers: the lists (scoped to the caller's units), a
 * dossier's timeline, and the applicant's public lookup, which shows nothing personal.
 */
@Service
public class DossierQueries {

	/** The one answer to an unknown code and to a wrong secret alike. */
	static final String NOT_FOUND_PUBLIC = "No dossier with this code and secret";

	private final DossierRepository dossiers;

	private final DossierEventRepository events;

	private final DossierService dossier;

	private final StaffDirectory directory;

	private final ProcedureCatalog catalog;

	private final DossierTextSearch textSearch;

	private final Clock clock;

	DossierQueries(DossierRepository dossiers, DossierEventRepository events, DossierService dossier,
			StaffDirectory directory, ProcedureCatalog catalog, DossierTextSearch textSearch, Clock clock) {
		this.dossiers = dossiers;
		this.events = events;
		this.dossier = dossier;
		this.directory = directory;
		this.catalog = catalog;
		this.textSearch = textSearch;
		this.clock = clock;
	}

	/** Dossiers the caller may see, newest first. */
	@Transactional(readOnly = true)
	public PageView<DossierSummary> list(DossierFilter filter, int page, int size) {
		Caller caller = this.directory.currentCaller();
		Instant now = this.clock.instant();
		Specification<Dossier> scope = (root, query, cb) -> cb.or(root.get("receivingUnit").in(caller.visibleUnits()),
				root.get("processingUnit").in(caller.visibleUnits()));
		Specification<Dossier> filters = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (filter.status() != null) {
				predicates.add(cb.equal(root.get("status"), filter.status()));
			}
			if (filter.procedureCode() != null && !filter.procedureCode().isBlank()) {
				predicates.add(cb.equal(root.get("procedureCode"), filter.procedureCode()));
			}
			if (filter.text() != null && !filter.text().isBlank()) {
				predicates.add(this.textSearch.matches(root, query, cb, filter.text().trim()));
			}
			if (Boolean.TRUE.equals(filter.overdue())) {
				predicates.add(cb.lessThan(root.get("dueAt"), now));
				predicates.add(cb.isNull(root.get("completedAt")));
			}
			else if (Boolean.FALSE.equals(filter.overdue())) {
				predicates.add(cb.or(cb.isNull(root.get("dueAt")), cb.greaterThanOrEqualTo(root.get("dueAt"), now),
						cb.isNotNull(root.get("completedAt"))));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("id")));
		return PageView.of(this.dossiers.findAll(scope.and(filters), request), (dossier) -> summary(dossier, now));
	}

	/** The timeline of a dossier the caller may see, oldest first. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(String code) {
		Dossier dossier = this.dossier.visible(code);
		return this.events.findByDossierOrderByAtAscIdAsc(dossier)
			.stream()
			.map((event) -> new TimelineEntry(event.at(), event.actor(), event.type(), event.fromStatus(),
					event.toStatus(), event.detail()))
			.toList();
	}

	/**
	 * The public lookup: an unknown code and a wrong secret give the same answer.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicDossierView> lookup(String code, String secret) {
		return this.dossiers.findByCode(code)
			.filter((dossier) -> LookupSecrets.matches(secret, dossier.lookupSecretHash()))
			.map((dossier) -> new PublicDossierView(dossier.code(), dossier.procedureCode(),
					this.catalog.find(dossier.procedureCode()).map(Procedure::name).orElse(null), dossier.status(),
					dossier.receivedAt(), dossier.dueAt(), dossier.completedAt(), dossier.returnedAt(),
					this.events.findByDossierOrderByAtAscIdAsc(dossier)
						.stream()
						.filter((event) -> event.toStatus() != null && event.toStatus() != event.fromStatus())
						.map((event) -> new PublicStep(event.toStatus(), event.at()))
						.toList()));
	}

	private static DossierSummary summary(Dossier dossier, Instant now) {
		boolean overdue = dossier.dueAt() != null && dossier.completedAt() == null && dossier.dueAt().isBefore(now);
		return new DossierSummary(dossier.code(), dossier.procedureCode(), dossier.applicant().fullName(),
				dossier.channel(), dossier.status(), dossier.receivingUnit(), dossier.processingUnit(),
				dossier.receivedAt(), dossier.dueAt(), dossier.completedAt(), overdue, dossier.verdict());
	}

}
