package io.motcua.app.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.motcua.app.operations.ReactionFailures.Failure;

/**
 * The reactions after commit that have not run yet: listed for administrators, retried on
 * a schedule with a pause that doubles after each failure, and retried at once on
 * request. Every node retries; reactions do their work once whoever runs them.
 */
@Service
public class Reactions {

	private static final Logger log = LoggerFactory.getLogger(Reactions.class);

	private final EventPublicationRegistry registry;

	private final IncompleteEventPublications incomplete;

	private final EventSerializer serializer;

	private final ReactionFailures failures;

	private final ReactionProperties properties;

	private final Clock clock;

	Reactions(EventPublicationRegistry registry, IncompleteEventPublications incomplete, EventSerializer serializer,
			ReactionFailures failures, ReactionProperties properties, Clock clock) {
		this.registry = registry;
		this.incomplete = incomplete;
		this.serializer = serializer;
		this.failures = failures;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Reactions older than {@code retryAfter} that have not run, oldest first: stuck ones
	 * and those whose last run failed.
	 */
	public List<PendingReaction> pending() {
		Map<ReactionKey, Failure> failed = this.failures.all();
		List<PendingReaction> pending = new ArrayList<>();
		for (TargetEventPublication publication : this.registry
			.findIncompletePublicationsOlderThan(this.properties.retryAfter())) {
			Failure failure = failed.get(key(publication));
			pending.add(new PendingReaction(publication.getIdentifier(),
					ReactionKey.reactionName(publication.getTargetIdentifier().getValue()),
					publication.getEvent().getClass().getSimpleName(),
					ReactionKey.dossierCodeOf(publication.getEvent()), publication.getPublicationDate(),
					(failure != null) ? failure.attempts() : 0, (failure != null) ? failure.lastError() : null,
					(failure != null) ? failure.lastFailedAt() : null));
		}
		pending.sort(Comparator.comparing(PendingReaction::publishedAt));
		return pending;
	}

	/**
	 * Runs one pending reaction again now.
	 * @return false when it is not pending (any more: a retry ran it meanwhile)
	 */
	public boolean retry(UUID id) {
		if (this.registry.findIncompletePublications()
			.stream()
			.noneMatch((publication) -> publication.getIdentifier().equals(id))) {
			return false;
		}
		log.info("Reaction {} run again on request", id);
		this.incomplete.resubmitIncompletePublications((publication) -> publication.getIdentifier().equals(id));
		return true;
	}

	/**
	 * Runs again every reaction that is due: older than {@code retryAfter}, and, when it
	 * failed before, whose pause since its last failure has passed. Forgets the failures
	 * of reactions that have run since.
	 */
	@Scheduled(initialDelayString = "${motcua.reactions.retry-interval:PT30S}",
			fixedDelayString = "${motcua.reactions.retry-interval:PT30S}")
	void retryDue() {
		Map<ReactionKey, Failure> failed = this.failures.all();
		Instant now = this.clock.instant();
		Instant stuckBefore = now.minus(this.properties.retryAfter());
		Set<ReactionKey> stillPending = new HashSet<>();
		// The registry hands every incomplete reaction to this filter: it picks those due
		// and, while some failed before, notes which are still pending, so that the
		// failures of the others (they have run since) are forgotten below
		Predicate<EventPublication> due = (publication) -> {
			Failure failure = null;
			if (!failed.isEmpty()) {
				ReactionKey key = key((TargetEventPublication) publication);
				stillPending.add(key);
				failure = failed.get(key);
			}
			if (!publication.getPublicationDate().isBefore(stuckBefore)) {
				return false;
			}
			return failure == null
					|| !failure.lastFailedAt().plus(this.properties.backoff(failure.attempts())).isAfter(now);
		};
		this.incomplete.resubmitIncompletePublications(due);
		List<ReactionKey> done = failed.keySet().stream().filter((key) -> !stillPending.contains(key)).toList();
		if (!done.isEmpty()) {
			this.failures.forget(done);
		}
	}

	private ReactionKey key(TargetEventPublication publication) {
		return ReactionKey.of(publication.getTargetIdentifier().getValue(),
				this.serializer.serialize(publication.getEvent()));
	}

	/**
	 * A reaction that has not run.
	 *
	 * @param id its id in the event publication registry
	 * @param reaction which reaction ({@code Receipts.on(DossierReceived)})
	 * @param event the event's type
	 * @param dossierCode the dossier it is about, null when none
	 * @param publishedAt when the command that published the event committed
	 * @param attempts how many runs failed
	 * @param lastError the last failure, null when none was recorded
	 * @param lastFailedAt when it last failed
	 */
	public record PendingReaction(UUID id, String reaction, String event, String dossierCode, Instant publishedAt,
			int attempts, String lastError, Instant lastFailedAt) {
	}

}
