/**
 * Everything that speaks Camunda's API: starting a dossier's process, the projection of
 * user tasks into our own indexed table (worklists never query Camunda), claiming and
 * completing steps, correlating the applicant's messages, moving SLA timers, running the
 * seal and verification jobs, and the jobs that failed
 * ({@link io.motcua.app.workflow.FailedJobs}: listed, counted, run again). The rest of
 * the application talks to {@link io.motcua.app.workflow.Workflow} and
 * {@link io.motcua.app.workflow.DossierTasks}; the engine reports back through
 * {@link io.motcua.app.workflow.DossierProgress} and
 * {@link io.motcua.app.workflow.ResultSealing}, implemented elsewhere. Model element ids
 * and Camunda types appear nowhere else, so a move to another Camunda 7 fork changes only
 * this package.
 */
package io.motcua.app.workflow;
