package io.motcua.app.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.VerboseResult;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.audit.AuditChain;
import io.motcua.app.audit.AuditFact;
import io.motcua.app.audit.AuditKind;
import io.motcua.app.audit.AuditTrail;
import io.motcua.app.security.SecurityProperties.Login;

/**
 * Counts failed logins per account and per client address in shared token buckets (see
 * {@link SharedBuckets}), so that a guesser meets the same waits and locks on every node.
 * An account's bucket has three limits: {@code maxFailures} per window (the lock), and
 * two short ones that make the third, fourth and fifth attempt wait one, two and three
 * times the delay. An address has only the lock, with a higher count. Every failure and
 * every lock is written to the audit ({@code login_event}) and published as an event.
 */
@Service
class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	/** The lock limit comes first in every configuration. */
	private static final int LOCK = 0;

	private static final String ACCOUNT = "login-account:";

	private static final String ADDRESS = "login-address:";

	private final SharedBuckets buckets;

	private final LoginEventRepository audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Supplier<BucketConfiguration> accountLimits;

	private final Supplier<BucketConfiguration> addressLimits;

	private final AuditTrail trail;

	LoginAttempts(SharedBuckets buckets, LoginEventRepository audit, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, SecurityProperties properties, AuditTrail trail) {
		this.buckets = buckets;
		this.audit = audit;
		this.trail = trail;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		Login login = properties.login();
		BucketConfiguration account = accountLimits(login);
		BucketConfiguration address = new BucketConfiguration(List.of(Bandwidth.builder()
			.capacity(login.addressMaxFailures())
			.refillIntervally(login.addressMaxFailures(), login.window())
			.build()));
		this.accountLimits = () -> account;
		this.addressLimits = () -> address;
	}

	private static BucketConfiguration accountLimits(Login login) {
		List<Bandwidth> limits = new ArrayList<>();
		limits.add(Bandwidth.builder()
			.capacity(login.maxFailures())
			.refillIntervally(login.maxFailures(), login.window())
			.build());
		if (!login.delay().isZero()) {
			// Two failures are free; then one attempt per delay, and at most three per
			// three delays: the attempts after them wait 1, 2 and 3 delays
			limits.add(Bandwidth.builder().capacity(2).refillGreedy(2, login.delay().multipliedBy(2)).build());
			limits.add(Bandwidth.builder().capacity(3).refillGreedy(3, login.delay().multipliedBy(9)).build());
		}
		return new BucketConfiguration(limits);
	}

	/**
	 * Before a password is checked: how long this login must still wait (zero when it may
	 * go on), and whether its account has failed lately. Only buckets that exist are
	 * asked, so a login of an account and address without failures costs one read.
	 */
	Check check(String username, String address) {
		String accountKey = accountKey(username);
		String addressKey = addressKey(address);
		List<String> keys = (addressKey != null) ? List.of(accountKey, addressKey) : List.of(accountKey);
		Set<String> existing = this.buckets.existing(keys);
		Duration wait = Duration.ZERO;
		for (String key : existing) {
			EstimationProbe probe = this.buckets.bucket(key, limitsOf(key)).estimateAbilityToConsume(1);
			if (!probe.canBeConsumed()) {
				Duration keyWait = Duration.ofNanos(probe.getNanosToWaitForRefill());
				wait = (keyWait.compareTo(wait) > 0) ? keyWait : wait;
			}
		}
		return new Check(wait, existing.contains(accountKey));
	}

	/**
	 * A password was wrong (or the user name unknown): counts it for the account and the
	 * address, writes it to the audit, and locks what reached its limit.
	 */
	void failed(String username, String address) {
		Instant at = this.clock.instant();
		Instant accountUntil = spend(accountKey(username));
		String addressKey = addressKey(address);
		Instant addressUntil = (addressKey != null) ? spend(addressKey) : null;
		this.transactions.executeWithoutResult((status) -> {
			this.audit.save(LoginEvent.failed(username, address, at));
			this.events.publishEvent(new LoginFailed(username, address, at));
			if (accountUntil != null) {
				this.audit.save(LoginEvent.accountLocked(username, at, accountUntil));
				chainLock(username, at, "account locked until " + accountUntil);
				this.events.publishEvent(new AccountLocked(username, at, accountUntil));
			}
			if (addressUntil != null) {
				this.audit.save(LoginEvent.addressLocked(address, at, addressUntil));
				chainLock(address, at, "address locked until " + addressUntil);
				this.events.publishEvent(new AddressLocked(address, at, addressUntil));
			}
		});
		if (accountUntil != null) {
			log.warn("Account {} locked until {} after too many failed logins (last from {})", username, accountUntil,
					address);
		}
		if (addressUntil != null) {
			log.warn("Client address {} locked until {} after too many failed logins", address, addressUntil);
		}
	}

	// The failures themselves are chained by the audit feature from Spring
	// Security's events; the locks they led to are chained here.
	private void chainLock(String subject, Instant at, String detail) {
		this.trail.append(AuditChain.SIGN_IN,
				new AuditFact(AuditKind.SIGN_IN_LOCKED, at, "system", subject, detail, null));
	}

	/** The password was right: the account's earlier failures are forgiven. */
	void succeeded(String username) {
		this.buckets.forget(accountKey(username));
	}

	/** An administrator ends the lock of an account and forgets its failures. */
	void unlock(String username, String by) {
		this.buckets.forget(accountKey(username));
		Instant at = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			this.audit.save(LoginEvent.accountUnlocked(username, by, at));
			this.events.publishEvent(new AccountUnlocked(username, by, at));
		});
		log.info("{} unlocked the account {}", by, username);
	}

	/** Until when each of these accounts is locked; those not locked are left out. */
	Map<String, Instant> lockedUntil(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		return this.audit.findLocks(usernames, this.clock.instant())
			.stream()
			.collect(Collectors.toMap(LoginEvent::username, LoginEvent::lockedUntil, (a, b) -> a.isAfter(b) ? a : b));
	}

	/**
	 * Takes one token from a bucket, even past its limits: failures that raced past the
	 * check lengthen the wait. Answers until when the bucket is locked if this failure
	 * used its last failure, otherwise null.
	 */
	private Instant spend(String key) {
		var bucket = this.buckets.bucket(key, limitsOf(key));
		VerboseResult<Long> spent = bucket.asVerbose().consumeIgnoringRateLimits(1);
		if (spent.getDiagnostics().getAvailableTokensPerEachBandwidth()[LOCK] != 0) {
			return null;
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return this.clock.instant().plusNanos(nanos);
	}

	private Supplier<BucketConfiguration> limitsOf(String key) {
		return key.startsWith(ACCOUNT) ? this.accountLimits : this.addressLimits;
	}

	/**
	 * The account's key: a digest, so that whatever was typed as a user name (a password,
	 * sometimes) is not kept, and any length fits.
	 */
	static String accountKey(String username) {
		return ACCOUNT + DigestUtils.sha256Hex(username);
	}

	static String addressKey(String address) {
		String client = ClientAddress.of(address);
		return (client != null) ? ADDRESS + client : null;
	}

	/**
	 * What {@link #check} found.
	 *
	 * @param retryAfter how long the login must still wait; zero when it may go on
	 * @param accountFailedLately whether the account has a bucket (failed lately)
	 */
	record Check(Duration retryAfter, boolean accountFailedLately) {

		boolean mayGoOn() {
			return this.retryAfter.isZero();
		}

	}

	/** A client's address as rate limits see it. */
	static final class ClientAddress {

		private ClientAddress() {
		}

		/**
		 * The address itself, or for IPv6 its /64 network: one household or office gets a
		 * whole /64 and could otherwise change address for every guess. Null for no
		 * address.
		 */
		static String of(String address) {
			if (address == null || address.isBlank()) {
				return null;
			}
			if (address.indexOf(':') < 0) {
				return address;
			}
			try {
				// An IP literal: parsed, never looked up
				byte[] bytes = InetAddress.getByName(address).getAddress();
				if (bytes.length != 16) {
					return address;
				}
				StringBuilder network = new StringBuilder();
				for (int i = 0; i < 8; i += 2) {
					network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
				}
				return network.append(":/64").toString();
			}
			catch (UnknownHostException ex) {
				return address;
			}
		}

	}

}
