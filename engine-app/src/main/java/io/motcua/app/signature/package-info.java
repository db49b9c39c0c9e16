/**
 * Digital signing of results: the approver signs the result PDF (server-held key, or the
 * two-step flow for USB tokens and remote signing), the unit's seal is applied by a
 * service task, and the signed result is verified before the dossier can be returned.
 * Also verifies any uploaded PDF.
 */
package io.motcua.app.signature;
