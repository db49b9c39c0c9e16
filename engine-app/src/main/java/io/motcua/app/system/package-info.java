/**
 * Cross-cutting configuration: the one clock, API error handling as RFC 9457 problem
 * details, request limits and the start-up banner.
 */
package io.motcua.app.system;
