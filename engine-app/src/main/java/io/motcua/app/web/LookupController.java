package io.motcua.app.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.dossier.DossierQueries;
import io.motcua.app.dossier.DossierViews.PublicDossierView;
import io.motcua.app.security.PublicRequests;

/**
 * The applicants' lookup, without login: dossier code and secret give the status, the
 * appointment, the steps done and the remaining working time; nothing personal. The form
 * posts (the secret stays out of URLs and logs); a GET with both parameters (the
 * receipt's QR code) answers the same.
 */
@Controller
class LookupController {

	private final DossierQueries dossiers;

	private final ProcedureCatalog catalog;

	private final PublicRequests publicRequests;

	LookupController(DossierQueries dossiers, ProcedureCatalog catalog, PublicRequests publicRequests) {
		this.dossiers = dossiers;
		this.catalog = catalog;
		this.publicRequests = publicRequests;
	}

	@GetMapping("/lookup")
	String form(@RequestParam(required = false) String code, @RequestParam(required = false) String secret, Model model,
			HttpServletRequest request) {
		if (code != null && secret != null) {
			return lookup(code, secret, model, request);
		}
		model.addAttribute("code", code);
		return "lookup";
	}

	/**
	 * Counts against the client address's budget of public requests, shared with the
	 * lookup API: past it, the error page with 429 and {@code Retry-After}.
	 */
	@PostMapping("/lookup")
	String lookup(@RequestParam String code, @RequestParam String secret, Model model, HttpServletRequest request) {
		this.publicRequests.admit(request);
		PublicDossierView found = this.dossiers.lookup(code.trim(), secret.trim()).orElse(null);
		model.addAttribute("code", code.trim());
		model.addAttribute("result", found);
		model.addAttribute("notFound", found == null);
		return "lookup";
	}

}
