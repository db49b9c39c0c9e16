/**
 * Intake at the counter (and later online): checks an application against the catalog,
 * decides which unit processes it and hands it to the dossier feature, which stores it
 * and starts its process in the same transaction.
 */
package io.motcua.app.intake;
