package io.motcua.app.workflow;

import java.time.Duration;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.app.ApplicationIT;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's history does not grow forever: the cleanup runs in a nightly window and
 * deletes a finished dossier's process history once its time to live (180 days) has
 * passed, while the dossier, its timeline and its documents (our own record) stay.
 */
class HistoryCleanupIT extends ApplicationIT {

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	ProcessEngineConfigurationImpl configuration;

	@Test
	void aFinishedDossiersProcessHistoryGoesAfter180DaysAndItsTimelineStays() {
		assertThat(this.configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(this.configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");

		String code = receiveDossier("clerk");
		walkToResultReady(code);
		assertThat(complete("clerk", openTask("clerk", code, DossierLifecycle.TASK_RETURN_RESULT), "RETURN").status())
			.isEqualTo(204);
		assertThat(finishedHistory(code)).isEqualTo(1);
		int timeline = as("clerk").get("/api/v1/dossiers/" + code + "/events").body().size();

		// Not yet expired: the cleanup leaves it
		cleanUp();
		assertThat(finishedHistory(code)).isEqualTo(1);

		this.clock.set(this.clock.instant().plus(Duration.ofDays(181)));
		cleanUp();
		assertThat(finishedHistory(code)).as("the process history is gone").isZero();
		assertThat(status("clerk", code)).isEqualTo("RETURNED");
		assertThat(as("clerk").get("/api/v1/dossiers/" + code + "/events").body()).as("our timeline stays")
			.hasSize(timeline);
	}

	/** Runs the cleanup now, as the nightly window would. */
	private void cleanUp() {
		Job job = this.history.cleanUpHistoryAsync(true);
		this.management.executeJob(job.getId());
	}

	private long finishedHistory(String code) {
		return this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).finished().count();
	}

}
