/**
 * Who may do what: the unit tree, staff with their roles, authentication (HTTP Basic for
 * the API) and the scope of each caller (its unit and the units below it).
 */
package io.motcua.app.security;
