/**
 * What an operator needs to keep Motcua running: the reactions after commit (receipts,
 * letters, inboxes, outbound events) are watched here, each run timed and counted, each
 * failure logged with its dossier and recorded, retried with a growing pause, and listed
 * for administrators, who may retry one at once. The incidents view gathers everything
 * that failed in one place (the engine's failed jobs, these reactions, the outbound
 * deliveries given up) with the dossiers stuck because of it; a reaction that keeps
 * failing leaves its dossier stuck.
 */
package io.motcua.app.operations;
