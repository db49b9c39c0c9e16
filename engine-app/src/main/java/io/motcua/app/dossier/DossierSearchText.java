package io.motcua.app.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Text of documents attached to a dossier, for the dossier list's search. Rows are only
 * ever added: an upload adds its text without rewriting what the dossier had.
 */
@Entity
@Table(name = "dossier_search_text")
class DossierSearchText {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "dossier_code", nullable = false, length = 60, updatable = false)
	private String dossierCode;

	@Column(nullable = false, length = 1000000, updatable = false)
	private String text;

	protected DossierSearchText() {
	}

	DossierSearchText(String dossierCode, String text) {
		this.dossierCode = dossierCode;
		this.text = text;
	}

}
