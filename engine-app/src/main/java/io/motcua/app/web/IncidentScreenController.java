package io.motcua.app.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.motcua.app.dossier.DossierStuck.Cause;
import io.motcua.app.lifecycle.SigningAgain;
import io.motcua.app.operations.Incidents;
import io.motcua.app.operations.Incidents.Overview;
import io.motcua.app.operations.Reactions;
import io.motcua.app.outbound.EventType;
import io.motcua.app.outbound.Webhooks;
import io.motcua.app.system.ProblemException;
import io.motcua.app.system.ProblemKind;
import io.motcua.app.workflow.FailedJobs.FailedJob;

/**
 * The incidents screen for administrators: the dossiers that cannot move on by
 * themselves, the engine's jobs that failed, the reactions after commit that have not run
 * and the outbound deliveries given up, each with its way to run it again (through the
 * feature that owns it, as the API does); a dossier that may go back to signing offers it
 * (the form posts to the dossier screen's command).
 */
@Controller
@RequestMapping("/admin/incidents")
@PreAuthorize("hasRole('ADMIN')")
class IncidentScreenController {

	private final Incidents incidents;

	private final Reactions reactions;

	private final Webhooks webhooks;

	private final SigningAgain signingAgain;

	IncidentScreenController(Incidents incidents, Reactions reactions, Webhooks webhooks, SigningAgain signingAgain) {
		this.incidents = incidents;
		this.reactions = reactions;
		this.webhooks = webhooks;
		this.signingAgain = signingAgain;
	}

	@GetMapping
	String incidents(Model model, Locale locale) {
		Overview overview = this.incidents.overview();
		model.addAttribute("overview", overview);
		// A dossier may go back to signing after a failed verification, or when its
		// seal and verification job failed for good
		Set<String> returnable = overview.stuckDossiers()
			.stream()
			.filter((stuck) -> stuck.cause() != Cause.REACTION_FAILED)
			.map((stuck) -> stuck.dossierCode())
			.distinct()
			.filter(this::mayReturnToSigning)
			.collect(Collectors.toSet());
		model.addAttribute("returnable", returnable);
		model.addAttribute("typeTitles", typeTitles(locale));
		return "admin-incidents";
	}

	@PostMapping("/jobs/{id}/retry")
	String retryJob(@PathVariable String id, RedirectAttributes redirect) {
		try {
			FailedJob job = this.incidents.retryJob(id);
			redirect.addFlashAttribute("notice", "notice.jobRetried");
			redirect.addFlashAttribute("noticeArg", job.stepName() + " · " + job.dossierCode());
		}
		catch (ProblemException ex) {
			if (ex.kind() != ProblemKind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("notice", "notice.jobAlreadyRan");
		}
		return "redirect:/admin/incidents";
	}

	@PostMapping("/reactions/{id}/retry")
	String retryReaction(@PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.reactions.retry(id) ? "notice.retried" : "notice.alreadyRan");
		return "redirect:/admin/incidents";
	}

	@PostMapping("/deliveries/{destination}/{id}/redelivery")
	String redeliver(@PathVariable String destination, @PathVariable long id, RedirectAttributes redirect) {
		try {
			this.webhooks.redeliver(destination, id);
			redirect.addFlashAttribute("notice", "notice.redelivered");
		}
		catch (ProblemException ex) {
			if (ex.kind() != ProblemKind.CONFLICT) {
				throw ex;
			}
			redirect.addFlashAttribute("notice", "notice.deliveryPending");
		}
		redirect.addFlashAttribute("noticeArg", String.valueOf(id));
		return "redirect:/admin/incidents";
	}

	/**
	 * Whether the administrator may send the dossier back to signing from here: the list
	 * is the whole installation's, a dossier outside the administrator's units is only
	 * shown.
	 */
	private boolean mayReturnToSigning(String code) {
		try {
			return this.signingAgain.isPossible(code);
		}
		catch (ProblemException ex) {
			if (ex.kind() != ProblemKind.NOT_FOUND) {
				throw ex;
			}
			return false;
		}
	}

	/** Each CloudEvents type's title in the page's language. */
	private static Map<String, String> typeTitles(Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		Map<String, String> titles = new LinkedHashMap<>();
		for (EventType type : EventType.values()) {
			titles.put(type.type(), english ? type.title() : type.titleVi());
		}
		return titles;
	}

}
