/**
 * Who may do what: the unit tree, staff with their roles, authentication (HTTP Basic for
 * the API, the login form for the web UI, keys and tokens for machine clients), the waits
 * and locks after failed logins and the budget of the public endpoints (token buckets
 * shared by every node), the end of a member's sessions when their access changes, and
 * the scope of each caller (its unit and the units below it).
 */
package io.motcua.app.security;
