package io.motcua.app.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatistics;
import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.dossier.DossierStuck.Cause;
import io.motcua.app.workflow.FailedJobs;
import io.motcua.app.workflow.FailedJobs.FailedJob;

/**
 * The dossiers that cannot move on by themselves, each read from the feature that owns
 * the fact: a job of its process failed for good (the engine's incidents), its signed
 * result did not verify (its status), a reaction to it failed for good (the reactions'
 * failures). Unscoped: for administrators and the {@code motcua.dossiers.stuck} gauge.
 */
@Service
public class StuckDossiers {

	private final FailedJobs failedJobs;

	private final DossierStatistics statistics;

	private final DossierService dossiers;

	private final ReactionFailures reactions;

	StuckDossiers(FailedJobs failedJobs, DossierStatistics statistics, DossierService dossiers,
			ReactionFailures reactions) {
		this.failedJobs = failedJobs;
		this.statistics = statistics;
		this.dossiers = dossiers;
		this.reactions = reactions;
	}

	/** Every stuck dossier, once per cause, longest stuck first. */
	@Transactional(readOnly = true)
	public List<StuckDossier> all() {
		List<StuckDossier> stuck = new ArrayList<>();
		Map<String, String> units = new HashMap<>();
		for (FailedJob job : this.failedJobs.all()) {
			if (job.isIncident() && job.dossierCode() != null) {
				stuck.add(new StuckDossier(job.dossierCode(), unitOf(job.dossierCode(), units), Cause.INCIDENT,
						job.stepName(), job.error(), job.since()));
			}
		}
		for (DossierStatistics.DossierAtStatus dossier : this.statistics.atStatus(DossierStatus.VERIFICATION_FAILED)) {
			stuck.add(new StuckDossier(dossier.code(), dossier.processingUnit(), Cause.VERIFICATION_FAILED, null, null,
					dossier.since()));
		}
		for (ReactionFailures.StuckReaction reaction : this.reactions.stuck()) {
			stuck.add(new StuckDossier(reaction.dossierCode(), unitOf(reaction.dossierCode(), units),
					Cause.REACTION_FAILED, reaction.reaction(), reaction.lastError(), reaction.since()));
		}
		stuck.sort(Comparator.comparing(StuckDossier::since, Comparator.nullsLast(Comparator.naturalOrder())));
		return stuck;
	}

	/** How many dossiers are stuck, per cause; every cause is there, zero or not. */
	@Transactional(readOnly = true)
	public Map<Cause, Integer> counts() {
		Map<Cause, Set<String>> codes = new EnumMap<>(Cause.class);
		for (Cause cause : Cause.values()) {
			codes.put(cause, new HashSet<>());
		}
		codes.get(Cause.INCIDENT).addAll(this.failedJobs.stuckDossiers());
		this.statistics.atStatus(DossierStatus.VERIFICATION_FAILED)
			.forEach((dossier) -> codes.get(Cause.VERIFICATION_FAILED).add(dossier.code()));
		this.reactions.stuck().forEach((reaction) -> codes.get(Cause.REACTION_FAILED).add(reaction.dossierCode()));
		Map<Cause, Integer> counts = new EnumMap<>(Cause.class);
		codes.forEach((cause, found) -> counts.put(cause, found.size()));
		return counts;
	}

	private String unitOf(String code, Map<String, String> units) {
		return units.computeIfAbsent(code, (key) -> {
			try {
				return this.dossiers.facts(key).processingUnit();
			}
			catch (IllegalStateException ex) {
				// A reaction about a code that names no dossier: listed without a unit
				return null;
			}
		});
	}

	/**
	 * A dossier that cannot move on by itself.
	 *
	 * @param dossierCode the dossier
	 * @param processingUnit the unit that processes it, null when unknown
	 * @param cause why
	 * @param step where: the failed step or reaction, null for a result that did not
	 * verify
	 * @param detail the error, null for a result that did not verify (its timeline has
	 * the reasons)
	 * @param since since when, null when unknown
	 */
	public record StuckDossier(String dossierCode, String processingUnit, Cause cause, String step, String detail,
			Instant since) {
	}

}
