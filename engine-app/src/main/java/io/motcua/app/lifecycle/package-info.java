/**
 * The spine of a dossier's lifecycle after intake: each command (completing a step,
 * signing at the sign step, handing a step over, a supplement requested or brought, a
 * withdrawal, sending back to signing a result that did not verify) is one straight path
 * here, in one transaction, calling the features that own each fact in turn: the timeline
 * (dossier), the signature, the process (workflow), the deadline (sla). What the engine
 * does on its own (jobs, timers) comes back through
 * {@link io.motcua.app.lifecycle.LifecycleProgress}, the one place where the process's
 * moves become the dossier's status and deadline facts. Reactions (letters, inboxes,
 * outbound events) run after commit, in their own features.
 */
package io.motcua.app.lifecycle;
