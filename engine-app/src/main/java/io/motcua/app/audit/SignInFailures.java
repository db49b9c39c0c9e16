package io.motcua.app.audit;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains every failed login that Spring Security reports (HTTP Basic, the login form):
 * the name tried, why it failed and where from. Written in a transaction of its own at
 * once, as the failure happens; a failure to write is logged and never changes the answer
 * to the login.
 */
@Component
class SignInFailures {

	private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);

	private final AuditTrail trail;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SignInFailures(AuditTrail trail, PlatformTransactionManager transactions, Clock clock) {
		this.trail = trail;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String name = event.getAuthentication().getName();
		String from = (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails web)
				? web.getRemoteAddress() : null;
		String why = event.getException().getClass().getSimpleName();
		try {
			this.transactions.executeWithoutResult(
					(status) -> this.trail.append(AuditChain.SIGN_IN, new AuditFact(AuditKind.SIGN_IN_FAILED,
							this.clock.instant(), name, name, why + ((from != null) ? " from " + from : ""), null)));
		}
		catch (RuntimeException ex) {
			log.warn("A failed login of {} ({}) could not be written to the audit trail: {}", name, why, ex.toString());
		}
	}

}
