package io.motcua.app.portal;

import java.util.Optional;

/**
 * The portal's own code of a dossier submitted on the portal and handed over to us: sent
 * beside our code so that the portal finds its dossier ({@link HandedOverDossiers}: the
 * dossier keeps the code it was handed over with).
 */
public interface PortalCodes {

	/**
	 * The portal's code of one of our dossiers.
	 * @param dossierCode our code
	 * @return the portal's code, empty when the dossier did not come from the portal
	 */
	Optional<String> portalCodeOf(String dossierCode);

}
