/**
 * The dossier: one application for one procedure by one applicant, its business state (a
 * projection the lifecycle writes as the process moves and the deadline owner writes as
 * the ledger changes, so that lists and lookups never scan the engine), its timeline (the
 * legal record of every change), its code and the applicant's public lookup. It publishes
 * {@link io.motcua.app.dossier.DossierReceived} and
 * {@link io.motcua.app.dossier.DossierStatusChanged} for the reactions after commit, and
 * {@link io.motcua.app.dossier.DossierJudged} (the verdict of a ready result) for the
 * command's own listeners.
 */
package io.motcua.app.dossier;
