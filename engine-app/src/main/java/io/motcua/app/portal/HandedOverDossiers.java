package io.motcua.app.portal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.motcua.app.dossier.DossierService;

/**
 * The portal's codes come from the dossiers it handed over ({@code /api/v1/hand-overs}):
 * the dossier keeps the code it arrived with.
 */
@Component
class HandedOverDossiers implements PortalCodes {

	private final DossierService dossiers;

	HandedOverDossiers(DossierService dossiers) {
		this.dossiers = dossiers;
	}

	@Override
	public Optional<String> portalCodeOf(String dossierCode) {
		return this.dossiers.portalCode(dossierCode);
	}

}
