/**
 * Everything that speaks Camunda's API: starting a dossier's process, the projection of
 * user tasks into our own indexed table (worklists never query Camunda), claiming and
 * completing tasks, and correlating the applicant's messages. The rest of the application
 * talks to {@link io.motcua.app.workflow.Workflow} and
 * {@link io.motcua.app.workflow.DossierTasks} and listens to the events published here,
 * so a move to another Camunda 7 fork changes only this package.
 */
package io.motcua.app.workflow;
