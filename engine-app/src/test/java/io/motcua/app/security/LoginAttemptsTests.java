package io.motcua.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.audit.AuditChain;
import io.motcua.app.audit.AuditKind;
import io.motcua.app.audit.AuditTrail;
import io.motcua.app.security.SecurityProperties.Login;
import io.motcua.app.security.SecurityProperties.PublicRequests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Failed logins counted in Bucket4j buckets on the embedded H2 database (the PostgreSQL
 * side runs in the integration tests): the waits grow, the fifth failure locks the
 * account for the rest of its window, many accounts failing from one address lock the
 * address, and the audit gets every failure and lock.
 */
class LoginAttemptsTests {

	private static final String ADDRESS = "203.0.113.9";

	private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T01:00:00Z"));

	private final List<Object> published = new ArrayList<>();

	private final List<LoginEvent> audit = new ArrayList<>();

	private JdbcTemplate jdbc;

	private SharedBuckets buckets;

	private LoginAttempts attempts;

	private final AuditTrail trail = mock(AuditTrail.class);

	@BeforeEach
	void emptyDatabase() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:login-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		new ResourceDatabasePopulator(new ClassPathResource("db/migration/security/V1_41__login_throttle.sql"))
			.execute(dataSource);
		this.jdbc = new JdbcTemplate(dataSource);
		LoginEventRepository repository = mock(LoginEventRepository.class);
		when(repository.save(any())).thenAnswer((call) -> {
			this.audit.add(call.getArgument(0));
			return call.getArgument(0);
		});
		this.buckets = new SharedBuckets(dataSource, false, this.clock, new NamedParameterJdbcTemplate(dataSource));
		this.attempts = new LoginAttempts(this.buckets, repository, this.published::add,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), this.clock,
				new SecurityProperties(false, null, "ROOT", "Root", Duration.ofMinutes(5),
						new Login(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(10)),
						new PublicRequests(30, Duration.ofMinutes(1))),
				this.trail);
	}

	@Test
	void guessesWaitLongerEachTimeAndTheFifthLocksTheAccountForItsWindow() {
		Instant first = this.clock.now;
		fail("clerk");
		fail("clerk");
		assertWait("clerk", Duration.ofSeconds(10));
		this.clock.move(Duration.ofSeconds(10));
		fail("clerk");
		assertWait("clerk", Duration.ofSeconds(20));
		this.clock.move(Duration.ofSeconds(20));
		fail("clerk");
		assertWait("clerk", Duration.ofSeconds(30));
		this.clock.move(Duration.ofSeconds(30));
		fail("clerk");

		Instant until = first.plus(Duration.ofMinutes(15));
		assertThat(this.published).filteredOn(AccountLocked.class::isInstance)
			.singleElement()
			.isEqualTo(new AccountLocked("clerk", this.clock.now, until));
		assertWait("clerk", Duration.between(this.clock.now, until));
		assertThat(this.attempts.check("clerk", "198.51.100.4").mayGoOn()).as("from any address").isFalse();
		assertThat(this.audit).extracting(LoginEvent::kind)
			.containsExactly(LoginEvent.Kind.FAILED, LoginEvent.Kind.FAILED, LoginEvent.Kind.FAILED,
					LoginEvent.Kind.FAILED, LoginEvent.Kind.FAILED, LoginEvent.Kind.ACCOUNT_LOCKED);
		assertThat(this.published).filteredOn(LoginFailed.class::isInstance).hasSize(5);
		verify(this.trail).append(eq(AuditChain.SIGN_IN), argThat((fact) -> fact.kind() == AuditKind.SIGN_IN_LOCKED
				&& "clerk".equals(fact.subject()) && fact.detail().contains(until.toString())));
		assertThat(this.attempts.check("specialist", ADDRESS).mayGoOn()).as("another account").isTrue();

		this.clock.now = until;
		assertThat(this.attempts.check("clerk", ADDRESS).mayGoOn()).as("the window is over").isTrue();
	}

	@Test
	void manyAccountsFailingFromOneAddressLockTheAddress() {
		for (int i = 1; i <= 20; i++) {
			fail("guess" + i);
		}
		assertThat(this.published).filteredOn(AddressLocked.class::isInstance)
			.singleElement()
			.isEqualTo(new AddressLocked(ADDRESS, this.clock.now, this.clock.now.plus(Duration.ofMinutes(15))));
		assertThat(this.attempts.check("clerk", ADDRESS).retryAfter()).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.attempts.check("clerk", "198.51.100.4").mayGoOn()).isTrue();
		assertThat(this.published).filteredOn(AccountLocked.class::isInstance).isEmpty();
	}

	@Test
	void oneIpv6NetworkIsOneAddress() {
		for (int i = 1; i <= 20; i++) {
			this.attempts.failed("guess" + i, "2001:db8:7:1::" + Integer.toHexString(i));
		}
		assertThat(this.attempts.check("clerk", "2001:db8:7:1:ffff::1").mayGoOn()).isFalse();
		assertThat(this.attempts.check("clerk", "2001:db8:7:2::1").mayGoOn()).isTrue();
	}

	@Test
	void anAdministratorUnlocksAnAccountAtOnce() {
		for (int i = 0; i < 5; i++) {
			fail("clerk");
			this.clock.move(Duration.ofMinutes(1));
		}
		assertThat(this.attempts.lockedUntil(List.of("clerk", "specialist")))
			.as("the lock is read from the audit, a mock here")
			.isEmpty();
		assertThat(this.attempts.check("clerk", ADDRESS).mayGoOn()).isFalse();

		this.attempts.unlock("clerk", "admin");
		assertThat(this.attempts.check("clerk", ADDRESS).mayGoOn()).isTrue();
		assertThat(this.published).contains(new AccountUnlocked("clerk", "admin", this.clock.now));
		assertThat(this.audit).last().extracting(LoginEvent::kind).isEqualTo(LoginEvent.Kind.ACCOUNT_UNLOCKED);
	}

	@Test
	void theRightPasswordForgivesTheAccountsFailures() {
		fail("clerk");
		assertThat(this.attempts.check("clerk", ADDRESS).accountFailedLately()).isTrue();
		this.attempts.succeeded("clerk");
		assertThat(this.attempts.check("clerk", ADDRESS).accountFailedLately()).isFalse();
	}

	@Test
	void loginsWithoutFailuresWriteNothing() {
		for (int i = 0; i < 3; i++) {
			LoginAttempts.Check check = this.attempts.check("clerk", ADDRESS);
			assertThat(check.mayGoOn()).isTrue();
			assertThat(check.accountFailedLately()).isFalse();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_bucket", Integer.class)).isZero();
		fail("clerk");
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_bucket", Integer.class))
			.as("the account's bucket and the address's")
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_bucket where id like '%clerk%'",
				Integer.class))
			.as("user names are kept as digests")
			.isZero();
		// The clean-up's statement runs on H2 (nothing is due yet)
		this.buckets.deleteRefilled();
		assertThat(this.jdbc.queryForObject("select count(*) from rate_limit_bucket", Integer.class)).isEqualTo(2);
	}

	private void fail(String username) {
		assertThat(this.attempts.check(username, ADDRESS).mayGoOn()).as("%s may try", username).isTrue();
		this.attempts.failed(username, ADDRESS);
	}

	private void assertWait(String username, Duration expected) {
		LoginAttempts.Check check = this.attempts.check(username, ADDRESS);
		assertThat(check.mayGoOn()).isFalse();
		assertThat(check.retryAfter().toMillis()).isCloseTo(expected.toMillis(), within(5L));
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
