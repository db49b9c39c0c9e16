package io.motcua.app.workflow;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A node that stops gracefully leaves no job locked behind it: it stops taking jobs, lets
 * the jobs its threads have started finish (Camunda unlocks those it had taken but not
 * started), then releases any job still locked in its name, so another node runs it at
 * its next look rather than after the lock time. Spring stops this bean before the engine
 * and the job threads it uses.
 */
@Component
class JobRelease implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JobRelease.class);

	private static final Duration DRAIN = Duration.ofSeconds(30);

	private final ProcessEngineConfigurationImpl configuration;

	private final ObjectProvider<ThreadPoolTaskExecutor> threads;

	private final JdbcTemplate jdbc;

	JobRelease(ProcessEngine engine, ProcessEngineConfigurationImpl configuration,
			@Qualifier("camundaTaskExecutor") ObjectProvider<ThreadPoolTaskExecutor> threads, JdbcTemplate jdbc) {
		this.configuration = configuration;
		this.threads = threads;
		this.jdbc = jdbc;
	}

	@Override
	public void destroy() throws InterruptedException {
		JobExecutor jobs = this.configuration.getJobExecutor();
		if (jobs == null || !this.configuration.isJobExecutorActivate() && !jobs.isActive()) {
			return;
		}
		jobs.shutdown();
		ThreadPoolTaskExecutor pool = this.threads.getIfAvailable();
		if (pool != null) {
			ThreadPoolExecutor executor = pool.getThreadPoolExecutor();
			long deadline = System.nanoTime() + DRAIN.toNanos();
			while ((executor.getActiveCount() > 0 || !executor.getQueue().isEmpty()) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		int released = this.jdbc.update(
				"update " + this.configuration.getDatabaseTablePrefix()
						+ "ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = ?",
				jobs.getLockOwner());
		log.info("Job executor stopped; {} jobs this node had taken are free for the other nodes", released);
	}

}
