package io.motcua.app.operations;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;

import io.motcua.app.system.DossierLogContext;

/**
 * Watches every reaction after commit (a listener the event publication registry tracks,
 * ours or Spring Modulith's externalizer that sends events to the broker): runs it with
 * its dossier in the logging context, times it, and when it fails logs the failure with
 * its dossier, counts it and records it for retries and for administrators, then lets it
 * fail (the registry keeps the event for the next run). Runs inside the registry's own
 * interceptor and outside the reaction's transaction, so a failure to commit is seen too.
 */
class ReactionMonitor extends StaticMethodMatcherPointcutAdvisor {

	private static final Logger log = LoggerFactory.getLogger(ReactionMonitor.class);

	ReactionMonitor(ObjectProvider<ReactionFailures> failures, ObjectProvider<EventSerializer> serializer,
			ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
		setAdvice(new Monitor(failures, serializer, meters, clock));
		// Inside Spring Modulith's completion interceptor (HIGHEST_PRECEDENCE + 10),
		// outside
		// the transaction interceptor
		setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		TransactionalEventListener listener = AnnotatedElementUtils.findMergedAnnotation(method,
				TransactionalEventListener.class);
		return listener != null && listener.phase() == TransactionPhase.AFTER_COMMIT
				&& (targetClass.getPackageName().startsWith("io.motcua.")
						|| DelegatingEventExternalizer.class.isAssignableFrom(targetClass));
	}

	private static final class Monitor implements MethodInterceptor {

		private final ObjectProvider<ReactionFailures> failures;

		private final ObjectProvider<EventSerializer> serializer;

		private final ObjectProvider<MeterRegistry> meters;

		private final ObjectProvider<Clock> clock;

		private final Map<Method, String> listenerIds = new ConcurrentHashMap<>();

		Monitor(ObjectProvider<ReactionFailures> failures, ObjectProvider<EventSerializer> serializer,
				ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
			this.failures = failures;
			this.serializer = serializer;
			this.meters = meters;
			this.clock = clock;
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			Method method = invocation.getMethod();
			Object event = invocation.getArguments()[0];
			String listenerId = this.listenerIds.computeIfAbsent(method,
					(key) -> new TransactionalApplicationListenerMethodAdapter(null, key.getDeclaringClass(), key)
						.getListenerId());
			String reaction = ReactionKey.reactionName(listenerId);
			String dossierCode = ReactionKey.dossierCodeOf(event);
			long started = System.nanoTime();
			try (MDC.MDCCloseable context = MDC.putCloseable(DossierLogContext.DOSSIER, dossierCode)) {
				Object result = invocation.proceed();
				if (result instanceof CompletableFuture<?> future) {
					// Spring Modulith's externalizer answers a failed send with a failed
					// future, not an exception
					return future.whenComplete((value, failure) -> {
						if (failure == null) {
							record(reaction, "success", started);
						}
						else {
							failed(listenerId, reaction, event, dossierCode,
									(failure instanceof CompletionException && failure.getCause() != null)
											? failure.getCause() : failure,
									started);
						}
					});
				}
				record(reaction, "success", started);
				return result;
			}
			catch (Throwable failure) {
				failed(listenerId, reaction, event, dossierCode, failure, started);
				throw failure;
			}
		}

		private void failed(String listenerId, String reaction, Object event, String dossierCode, Throwable failure,
				long started) {
			record(reaction, "failure", started);
			log.error("Reaction {} failed for dossier {}: {}; it will be retried (see /admin/reactions)", reaction,
					dossierCode, failure.toString(), failure);
			recordFailure(listenerId, event, dossierCode, failure);
		}

		private void record(String reaction, String outcome, long started) {
			MeterRegistry registry = this.meters.getIfAvailable();
			if (registry != null) {
				Timer.builder("motcua.reactions")
					.description("Time taken by reactions after commit (receipts, letters, inboxes, outbound events),"
							+ " by reaction and outcome")
					.tag("reaction", reaction)
					.tag("outcome", outcome)
					.register(registry)
					.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			}
		}

		private void recordFailure(String listenerId, Object event, String dossierCode, Throwable failure) {
			try {
				ReactionKey key = ReactionKey.of(listenerId, this.serializer.getObject().serialize(event));
				this.failures.getObject()
					.record(key, dossierCode, event.getClass().getName(), failure.toString(),
							this.clock.getObject().instant());
			}
			catch (RuntimeException ex) {
				log.warn("Could not record the failure of reaction {} for dossier {}: {}", listenerId, dossierCode,
						ex.toString());
			}
		}

	}

}
