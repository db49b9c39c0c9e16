/**
 * The process models and the procedure catalog as files, and the names in them that the
 * application shares.
 */
package io.motcua.processes;
