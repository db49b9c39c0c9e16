/**
 * The catalog of procedures: descriptors loaded from {@code procedures/*.yaml} at
 * start-up (a malformed file stops start-up naming the file and the field), served
 * read-only by the API.
 */
package io.motcua.app.catalog;
