package io.motcua.app.dossier;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.motcua.app.dossier.DossierViews.PaperOriginal;

/**
 * The rows of {@code dossier_paper_original}: the paper originals the counter ticked as
 * received with a dossier.
 */
@Repository
class PaperOriginals {

	private final JdbcClient jdbc;

	PaperOriginals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String dossierCode, List<PaperOriginal> originals) {
		for (PaperOriginal original : originals) {
			this.jdbc.sql("insert into dossier_paper_original (dossier_code, document_type, copies) values (?, ?, ?)")
				.params(dossierCode, original.documentType(), original.copies())
				.update();
		}
	}

	List<PaperOriginal> of(String dossierCode) {
		return this.jdbc
			.sql("select document_type, copies from dossier_paper_original where dossier_code = ?"
					+ " order by document_type")
			.param(dossierCode)
			.query((rs, row) -> new PaperOriginal(rs.getString(1), rs.getInt(2)))
			.list();
	}

}
