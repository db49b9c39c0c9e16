/**
 * What an operator needs to keep Motcua running: the reactions after commit (receipts,
 * letters, inboxes, outbound events) are watched here, each run timed and counted, each
 * failure logged with its dossier and recorded, retried with a growing pause, and listed
 * for administrators, who may retry one at once.
 */
package io.motcua.app.operations;
