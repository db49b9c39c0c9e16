package io.motcua.app.dossier;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.stereotype.Component;

import io.motcua.app.system.DatabaseKind;

/**
 * The text condition of the dossier list: PostgreSQL full-text search (an indexed SQL
 * function created by the PostgreSQL migration), or a case-insensitive substring match on
 * H2.
 */
@Component
class DossierTextSearch {

	private final boolean postgres;

	DossierTextSearch(DatabaseKind database) {
		this.postgres = database.isPostgres();
	}

	/**
	 * The dossier has a document whose text matches: an indexed lookup in the text rows
	 * of that dossier.
	 */
	Predicate matches(Root<Dossier> root, CriteriaQuery<?> query, CriteriaBuilder cb, String text) {
		Subquery<Integer> documents = query.subquery(Integer.class);
		Root<DossierSearchText> row = documents.from(DossierSearchText.class);
		documents.select(cb.literal(1))
			.where(cb.equal(row.get("dossierCode"), root.get("code")), matchesText(row.get("text"), cb, text));
		return cb.exists(documents);
	}

	private Predicate matchesText(Expression<String> column, CriteriaBuilder cb, String text) {
		if (this.postgres) {
			return cb.isTrue(cb.function("motcua_text_matches", Boolean.class, column, cb.literal(text)));
		}
		String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return cb.like(cb.lower(column), pattern, '\\');
	}

}
