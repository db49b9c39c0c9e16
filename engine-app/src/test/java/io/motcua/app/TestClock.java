package io.motcua.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock in integration tests: the system clock until a test fixes it,
 * and then the fixed instant, for our code and Camunda's engine alike. Tests that fix it
 * reset it.
 */
public final class TestClock extends Clock {

	private volatile Instant fixed;

	/** Fixes the time for the application and the engine. */
	public void set(Instant instant) {
		this.fixed = instant;
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	/** Back to the system clock. */
	public void reset() {
		this.fixed = null;
		ClockUtil.reset();
	}

	@Override
	public Instant instant() {
		Instant at = this.fixed;
		return (at != null) ? at : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The test clock has one zone");
	}

}
