package io.motcua.app.dossier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.dossier.DossierViews.PublicDossierView;
import io.motcua.app.security.PublicRequests;
import io.motcua.app.system.ProblemException;

/**
 * The applicant's lookup by dossier code and the secret printed on the receipt, without
 * login. Shows progress, nothing personal; an unknown code and a wrong secret answer
 * alike. Each client address has a budget of lookups (429 with {@code Retry-After} past
 * it), so secrets cannot be guessed at speed.
 */
@RestController
@RequestMapping("/public/v1/dossiers")
class PublicLookupController {

	private final DossierQueries dossiers;

	private final PublicRequests publicRequests;

	PublicLookupController(DossierQueries dossiers, PublicRequests publicRequests) {
		this.dossiers = dossiers;
		this.publicRequests = publicRequests;
	}

	@GetMapping("/{code}")
	PublicDossierView lookup(@PathVariable String code, @RequestParam(required = false) String secret,
			HttpServletRequest request) {
		this.publicRequests.admit(request);
		return this.dossiers.lookup(code, secret)
			.orElseThrow(() -> ProblemException.notFound(DossierQueries.NOT_FOUND_PUBLIC));
	}

}
