package io.motcua.app.operations;

import java.lang.reflect.Method;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Reactions after commit run asynchronously (Spring Modulith's
 * {@code @ApplicationModuleListener}) on the application's task executor, watched by the
 * {@link ReactionMonitor} and retried by {@link Reactions}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class ReactionsConfiguration implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ReactionsConfiguration.class);

	private final BeanFactory beans;

	ReactionsConfiguration(BeanFactory beans) {
		this.beans = beans;
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ReactionMonitor reactionMonitor(ObjectProvider<ReactionFailures> failures,
			ObjectProvider<EventSerializer> serializer, ObjectProvider<MeterRegistry> meters,
			ObjectProvider<Clock> clock) {
		return new ReactionMonitor(failures, serializer, meters, clock);
	}

	/** How many reactions are stuck or failing: what an operator alerts on. */
	@Bean
	Gauge pendingReactions(MeterRegistry registry, JdbcTemplate jdbc, ReactionProperties properties, Clock clock) {
		return Gauge
			.builder("motcua.reactions.pending", () -> jdbc.queryForObject(
					"select count(*) from event_publication where completion_date is null and publication_date < ?",
					Long.class, Timestamp.from(clock.instant().minus(properties.retryAfter()))))
			.description("Reactions after commit older than motcua.reactions.retry-after that have not run")
			.register(registry);
	}

	/**
	 * Reactions run on Spring Boot's application task executor (a bounded pool, see
	 * {@code spring.task.execution}); an application that defines its own
	 * {@link AsyncConfigurer} has to name it, or {@code @Async} falls back to a new
	 * thread per call.
	 */
	@Override
	public Executor getAsyncExecutor() {
		return this.beans.getBean(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME, Executor.class);
	}

	/** The reaction monitor has logged a failed reaction already, with its dossier. */
	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return (Throwable failure, Method method, Object... parameters) -> log.debug("{} failed: {}", method,
				failure.toString());
	}

}
