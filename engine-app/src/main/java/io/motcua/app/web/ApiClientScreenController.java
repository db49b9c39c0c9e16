package io.motcua.app.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.motcua.app.outbound.EventType;
import io.motcua.app.security.ApiClients;
import io.motcua.app.security.ApiClients.ClientRequest;
import io.motcua.app.security.ApiClients.ClientView;
import io.motcua.app.security.ApiClients.RegisteredClient;
import io.motcua.app.security.ClientScope;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.system.ProblemKind;

/**
 * Machine clients for administrators: the registered clients (API keys and OAuth2
 * clients) with their scopes, units and event types, a form to register one (the API key
 * is shown once, on the page after), and revoking one. Everything goes through
 * {@link ApiClients}, as the API does.
 */
@Controller
@RequestMapping("/admin/api-clients")
@PreAuthorize("hasRole('ADMIN')")
class ApiClientScreenController {

	private final ApiClients clients;

	private final StaffDirectory directory;

	private final ObjectProvider<JwtDecoder> tokens;

	ApiClientScreenController(ApiClients clients, StaffDirectory directory, ObjectProvider<JwtDecoder> tokens) {
		this.clients = clients;
		this.directory = directory;
		this.tokens = tokens;
	}

	@GetMapping
	String clients(Model model, Locale locale) {
		return page(model, locale,
				new Form("", this.directory.currentCaller().unitCode(), List.of(), List.of(), List.of(), ""), Map.of());
	}

	/**
	 * Registers, then shows the list with the API key (a flash attribute, so a reload
	 * shows it no more); a client that breaks a rule is shown again as typed, the
	 * service's message next to each field, and nothing is stored.
	 */
	@PostMapping
	String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String unitCode,
			@RequestParam(name = "units", required = false) List<String> units,
			@RequestParam(name = "scopes", required = false) List<String> scopes,
			@RequestParam(name = "eventTypes", required = false) List<String> eventTypes,
			@RequestParam(defaultValue = "") String oauthClientId, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		Form form = new Form(name, unitCode, orEmpty(units), orEmpty(scopes), orEmpty(eventTypes), oauthClientId);
		try {
			RegisteredClient registered = this.clients
				.register(new ClientRequest(name, unitCode.isBlank() ? null : unitCode, form.units(), form.scopes(),
						form.eventTypes(), oauthClientId.isBlank() ? null : oauthClientId));
			// Strings only: flash attributes live in the session until the next request
			redirect.addFlashAttribute("createdName", registered.client().name());
			if (registered.apiKey() != null) {
				redirect.addFlashAttribute("apiKey", registered.apiKey());
			}
			else {
				redirect.addFlashAttribute("createdOauthClientId", registered.client().oauthClientId());
			}
			return "redirect:/admin/api-clients";
		}
		catch (ProblemException ex) {
			if (ex.kind() != ProblemKind.VALIDATION_FAILED) {
				throw ex;
			}
			response.setStatus(ex.kind().status().value());
			model.addAttribute("error", ex.getMessage());
			return page(model, locale, form, WebModel.byField(ex));
		}
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable String id, RedirectAttributes redirect) {
		this.clients.revoke(id);
		String name = this.clients.clients()
			.stream()
			.filter((client) -> client.id().equals(id))
			.map(ClientView::name)
			.findFirst()
			.orElse(id);
		redirect.addFlashAttribute("notice", "notice.clientRevoked");
		redirect.addFlashAttribute("noticeArg", name);
		return "redirect:/admin/api-clients";
	}

	private String page(Model model, Locale locale, Form form, Map<String, String> errors) {
		model.addAttribute("clients", this.clients.clients());
		model.addAttribute("units", this.directory.visibleUnits());
		model.addAttribute("scopes", scopes());
		model.addAttribute("typeTitles", typeTitles(locale));
		model.addAttribute("identityProvider", this.tokens.getIfAvailable() != null);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin-api-clients";
	}

	private static List<String> orEmpty(List<String> values) {
		return (values != null) ? values : List.of();
	}

	/**
	 * Each scope as clients name it, with the suffix of the message key that explains it
	 * ({@code clients.scope.DOSSIERS_READ}), in the order of the enum.
	 */
	private static Map<String, String> scopes() {
		Map<String, String> scopes = new LinkedHashMap<>();
		Arrays.stream(ClientScope.values()).forEach((scope) -> scopes.put(scope.value(), scope.name()));
		return scopes;
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

	/** The form as typed, shown again when it breaks a rule. */
	record Form(String name, String unitCode, List<String> units, List<String> scopes, List<String> eventTypes,
			String oauthClientId) {
	}

}
