package io.motcua.bench;

import javax.sql.DataSource;

/**
 * One system under test that runs full dossier lifecycles: intake, review (propose
 * approval), approval, signing decision, return.
 */
interface Lifecycle {

	/** Short name used in the table. */
	String name();

	/** The database the system writes to, for its commit counter. */
	String database();

	/** Its connection pool, to flush statistics between rounds. */
	DataSource dataSource();

	/**
	 * Runs one dossier through its whole lifecycle, from this thread.
	 * @param seq a number unique within the run
	 */
	void runOne(long seq) throws Exception;

}
