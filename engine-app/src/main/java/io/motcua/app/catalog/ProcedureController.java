package io.motcua.app.catalog;

import java.util.List;

import org.springframework.http.MediaType;
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

	private final ProcedureForms forms;

	ProcedureController(ProcedureCatalog catalog, ProcedureForms forms) {
		this.catalog = catalog;
		this.forms = forms;
	}

	@GetMapping
	List<Procedure> list() {
		return List.copyOf(this.catalog.all());
	}

	@GetMapping("/{code}")
	Procedure get(@PathVariable String code) {
		return this.catalog.find(code).orElseThrow(() -> ProblemException.notFound("No procedure with code " + code));
	}

	/** The procedure's application form as Camunda Modeler saved it (form-js schema). */
	@GetMapping(path = "/{code}/form", produces = MediaType.APPLICATION_JSON_VALUE)
	String form(@PathVariable String code) {
		Procedure procedure = get(code);
		return this.forms.source(procedure.formId())
			.orElseThrow(() -> ProblemException.notFound("Procedure " + code + " has no form"));
	}

}
