package io.motcua.app.dossier;

/**
 * How a dossier reached the office.
 */
public enum Channel {

	COUNTER, ONLINE, POSTAL

}
