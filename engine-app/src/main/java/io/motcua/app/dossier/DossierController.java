package io.motcua.app.dossier;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.dossier.DossierViews.DossierFilter;
import io.motcua.app.dossier.DossierViews.DossierSummary;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.dossier.DossierViews.TimelineEntry;
import io.motcua.app.system.PageView;

/**
 * Staff API for dossiers: lists, details and timeline. Intake
 * ({@code POST /api/v1/dossiers}) is the intake feature's; steps, withdrawal and
 * supplements are the lifecycle's.
 */
@RestController
@Validated
@RequestMapping("/api/v1/dossiers")
class DossierController {

	private final DossierService dossiers;

	private final DossierQueries queries;

	DossierController(DossierService dossiers, DossierQueries queries) {
		this.dossiers = dossiers;
		this.queries = queries;
	}

	@GetMapping
	PageView<DossierSummary> list(@RequestParam(required = false) DossierStatus status,
			@RequestParam(required = false) String procedure, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return this.queries.list(new DossierFilter(status, procedure, overdue, q), page, size);
	}

	@GetMapping("/{code}")
	DossierView get(@PathVariable String code) {
		return this.dossiers.find(code);
	}

	@GetMapping("/{code}/events")
	List<TimelineEntry> events(@PathVariable String code) {
		return this.queries.timeline(code);
	}

}
