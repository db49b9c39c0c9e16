package io.motcua.app.dossier;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.stereotype.Component;

/**
 * The text condition of the dossier list: PostgreSQL full-text search (an indexed SQL
 * function created by the PostgreSQL migration), or a case-insensitive substring match on
 * H2.
 */
@Component
class DossierTextSearch {

	private final boolean postgres;

	DossierTextSearch(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
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
