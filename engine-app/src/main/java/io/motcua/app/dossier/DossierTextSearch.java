package io.motcua.app.dossier;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

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

	Predicate matches(Root<Dossier> root, CriteriaBuilder cb, String text) {
		if (this.postgres) {
			return cb
				.isTrue(cb.function("motcua_text_matches", Boolean.class, root.get("searchText"), cb.literal(text)));
		}
		String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return cb.like(cb.lower(root.get("searchText")), pattern, '\\');
	}

}
