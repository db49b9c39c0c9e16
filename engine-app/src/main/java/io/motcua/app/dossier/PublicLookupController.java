package io.motcua.app.dossier;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.dossier.DossierViews.PublicDossierView;
import io.motcua.app.system.ProblemException;

/**
 * The applicant's lookup by dossier code and the secret printed on the receipt, without
 * login. Shows progress, nothing personal; an unknown code and a wrong secret answer
 * alike.
 */
@RestController
@RequestMapping("/public/v1/dossiers")
class PublicLookupController {

	private final DossierQueries dossiers;

	PublicLookupController(DossierQueries dossiers) {
		this.dossiers = dossiers;
	}

	@GetMapping("/{code}")
	PublicDossierView lookup(@PathVariable String code, @RequestParam(required = false) String secret) {
		return this.dossiers.lookup(code, secret)
			.orElseThrow(() -> ProblemException.notFound(DossierQueries.NOT_FOUND_PUBLIC));
	}

}
