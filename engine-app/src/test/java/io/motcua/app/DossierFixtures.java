package io.motcua.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierViews.ApplicantData;
import io.motcua.app.dossier.DossierViews.NewDossier;

/**
 * Dossiers for tests that register them through the dossier feature directly.
 */
public final class DossierFixtures {

	private DossierFixtures() {
	}

	/**
	 * An application for HKD-01 received at the counter of TRANBIEN, which processes it.
	 */
	public static NewDossier atTheCounter() {
		return new NewDossier("HKD-01", 1, "dossier-lifecycle", Channel.COUNTER,
				new ApplicantData("Nguyễn Văn An", "079203001234", "0912345678", null, "12 Võ Thị Sáu, Trấn Biên"),
				JsonNodeFactory.instance.objectNode(), "hkd-01", "1", "TRANBIEN", "TRANBIEN");
	}

}
