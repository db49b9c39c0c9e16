package io.motcua.app.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.motcua.app.outbound.DeliveryStatus;
import io.motcua.app.outbound.Destinations;
import io.motcua.app.outbound.DeliveryView;
import io.motcua.app.outbound.EventType;
import io.motcua.app.outbound.Webhooks;
import io.motcua.app.outbound.Webhooks.SubscriptionCreated;
import io.motcua.app.outbound.Webhooks.SubscriptionView;
import io.motcua.app.system.ProblemException;
import io.motcua.app.system.ProblemKind;

/**
 * Webhooks for administrators: the subscriptions with their delivery counts, a form to
 * subscribe (the signing secret is shown once, on the page after), switching one off; and
 * the delivery log of a destination (a subscription or the national portal) with
 * redelivery. Everything goes through {@link Webhooks}, as the API does.
 */
@Controller
@RequestMapping("/admin/webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookScreenController {

	private static final String PORTAL = Destinations.NATIONAL_PORTAL;

	private final Webhooks webhooks;

	private final Destinations destinations;

	WebhookScreenController(Webhooks webhooks, Destinations destinations) {
		this.webhooks = webhooks;
		this.destinations = destinations;
	}

	@GetMapping
	String subscriptions(Model model, Locale locale) {
		return page(model, locale, "", "", List.of(), Map.of());
	}

	/**
	 * Subscribes, then shows the list with the secret (a flash attribute, so a reload
	 * shows it no more); a subscription that breaks a rule is shown again as typed, the
	 * service's message next to each field, and nothing is stored.
	 */
	@PostMapping
	String subscribe(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String description,
			@RequestParam(name = "eventTypes", required = false) List<String> eventTypes, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		List<String> types = (eventTypes != null) ? eventTypes : List.of();
		try {
			SubscriptionCreated created = this.webhooks.subscribe(url, types, List.of(),
					description.isBlank() ? null : description.strip());
			// Strings only: flash attributes live in the session until the next request
			redirect.addFlashAttribute("createdUrl", created.subscription().url());
			redirect.addFlashAttribute("secret", created.secret());
			return "redirect:/admin/webhooks";
		}
		catch (ProblemException ex) {
			if (ex.kind() != ProblemKind.VALIDATION_FAILED) {
				throw ex;
			}
			response.setStatus(ex.kind().status().value());
			model.addAttribute("error", ex.getMessage());
			return page(model, locale, url, description, types, WebModel.byField(ex));
		}
	}

	@PostMapping("/{id}/off")
	String switchOff(@PathVariable String id, RedirectAttributes redirect) {
		SubscriptionView subscription = this.webhooks.subscription(id);
		this.webhooks.unsubscribe(id);
		redirect.addFlashAttribute("notice", "notice.webhookOff");
		redirect.addFlashAttribute("noticeArg", subscription.url());
		return "redirect:/admin/webhooks";
	}

	/**
	 * The newest deliveries to a destination, of one status or all; 404 for a destination
	 * that does not exist (the portal before it is configured).
	 */
	@GetMapping("/{id}")
	String deliveries(@PathVariable String id, @RequestParam(required = false) String status, Model model,
			Locale locale) {
		DeliveryStatus shown = status(status);
		List<DeliveryView> deliveries = this.webhooks.deliveries(id, shown);
		model.addAttribute("id", id);
		model.addAttribute("portal", PORTAL.equals(id));
		model.addAttribute("subscription", subscriptionIfWebhook(id));
		model.addAttribute("deliveries", deliveries);
		model.addAttribute("status", shown);
		model.addAttribute("statuses", DeliveryStatus.values());
		model.addAttribute("typeTitles", typeTitles(locale));
		return "admin-webhook";
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/redelivery")
	String redeliver(@PathVariable String id, @PathVariable long deliveryId,
			@RequestParam(required = false) String status, RedirectAttributes redirect) {
		try {
			this.webhooks.redeliver(id, deliveryId);
			redirect.addFlashAttribute("notice", "notice.redelivered");
		}
		catch (ProblemException ex) {
			if (ex.kind() != ProblemKind.CONFLICT) {
				throw ex;
			}
			redirect.addFlashAttribute("notice", "notice.deliveryPending");
		}
		redirect.addFlashAttribute("noticeArg", String.valueOf(deliveryId));
		return back(status, redirect);
	}

	@PostMapping("/{id}/redelivery")
	String redeliverDead(@PathVariable String id, @RequestParam(required = false) String status,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", "notice.redeliveredDead");
		redirect.addFlashAttribute("noticeArg", this.webhooks.redeliverDead(id));
		return back(status, redirect);
	}

	private String page(Model model, Locale locale, String url, String description, List<String> checked,
			Map<String, String> errors) {
		model.addAttribute("subscriptions", this.webhooks.subscriptions());
		model.addAttribute("portal", this.destinations.portalKnown() ? PORTAL : null);
		model.addAttribute("typeTitles", typeTitles(locale));
		model.addAttribute("url", url);
		model.addAttribute("description", description);
		model.addAttribute("checked", checked);
		model.addAttribute("errors", errors);
		return "admin-webhooks";
	}

	/** Back to the delivery log (the path's {@code id}), with the filter it had. */
	private static String back(String status, RedirectAttributes redirect) {
		DeliveryStatus shown = status(status);
		if (shown != null) {
			redirect.addAttribute("status", shown.name());
		}
		return "redirect:/admin/webhooks/{id}";
	}

	private SubscriptionView subscriptionIfWebhook(String id) {
		try {
			return this.webhooks.subscription(id);
		}
		catch (ProblemException ex) {
			if (ex.kind() != ProblemKind.NOT_FOUND) {
				throw ex;
			}
			// Another kind of destination (the national portal): its log only
			return null;
		}
	}

	/** A status filter; anything else shows every status. */
	private static DeliveryStatus status(String status) {
		return Arrays.stream(DeliveryStatus.values())
			.filter((candidate) -> candidate.name().equalsIgnoreCase(status))
			.findFirst()
			.orElse(null);
	}

	/** Each CloudEvents type's title in the page's language, in the order of the enum. */
	private static Map<String, String> typeTitles(Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		Map<String, String> titles = new LinkedHashMap<>();
		for (EventType type : EventType.values()) {
			titles.put(type.type(), english ? type.title() : type.titleVi());
		}
		return titles;
	}

}
