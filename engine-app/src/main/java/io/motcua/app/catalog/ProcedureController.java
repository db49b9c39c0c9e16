package io.motcua.app.catalog;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.system.ProblemException;

/**
 * Read-only catalog API.
 */
@RestController
@RequestMapping("/api/v1/procedures")
class ProcedureController {

	private final ProcedureCatalog catalog;

	ProcedureController(ProcedureCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	List<Procedure> list() {
		return List.copyOf(this.catalog.all());
	}

	@GetMapping("/{code}")
	Procedure get(@PathVariable String code) {
		return this.catalog.find(code).orElseThrow(() -> ProblemException.notFound("No procedure with code " + code));
	}

}
