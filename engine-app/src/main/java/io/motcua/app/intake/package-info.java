/**
 * Intake at the counter (and later online): checks an application against the catalog,
 * decides which unit processes it, and receives it in one visible path and one
 * transaction: register the dossier, open its deadline, start its process, order its
 * receipt.
 */
package io.motcua.app.intake;
