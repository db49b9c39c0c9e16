package io.motcua.app;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierViews.ApplicantData;
import io.motcua.app.dossier.DossierViews.NewDossier;
import io.motcua.app.dossier.DossierViews.PaperOriginal;

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

	/**
	 * The counter's checklist of {@link #atTheCounter()}: both required documents of
	 * HKD-01 received on paper (the identity card in 2 copies).
	 */
	public static List<PaperOriginal> paperOriginals() {
		return List.of(new PaperOriginal("GIAY_DE_NGHI", 1), new PaperOriginal("GIAY_TO_PHAP_LY_CA_NHAN", 2));
	}

}
