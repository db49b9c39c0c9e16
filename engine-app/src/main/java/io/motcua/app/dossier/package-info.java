/**
 * The dossier: one application for one procedure by one applicant, its business state
 * (mirrored from the process by listeners so that lists and lookups never scan the
 * engine), its timeline (the legal record of every change), its code and the applicant's
 * public lookup.
 */
package io.motcua.app.dossier;
