/**
 * Digital signing of results: the approver signs the result PDF (server-held key, or the
 * two-step flow for USB tokens and remote signing), the unit's seal is applied and the
 * signed result verified in the lifecycle's jobs (this feature implements
 * {@link io.motcua.app.workflow.ResultSealing}). Also verifies any uploaded PDF.
 */
package io.motcua.app.signature;
