package io.motcua.app.security;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;

import io.motcua.app.system.ProblemException;
import io.motcua.app.system.ProblemKind;

/**
 * The budget of one client address on the endpoints anyone may call without login (the
 * applicants' lookup; the citizens' portal later): {@code capacity} requests that come
 * back evenly over {@code period}, counted on every node alike (see
 * {@link SharedBuckets}). The client's address is the one the proxy forwarded.
 */
@Service
public class PublicRequests {

	private static final String KEY = "public:";

	private final SharedBuckets buckets;

	private final Supplier<BucketConfiguration> limits;

	PublicRequests(SharedBuckets buckets, SecurityProperties properties) {
		this.buckets = buckets;
		SecurityProperties.PublicRequests settings = properties.publicRequests();
		BucketConfiguration configuration = new BucketConfiguration(List.of(Bandwidth.builder()
			.capacity(settings.capacity())
			.refillGreedy(settings.capacity(), settings.period())
			.build()));
		this.limits = () -> configuration;
	}

	/**
	 * Counts one request of this client.
	 * @throws ProblemException 429 with the wait when the client used its budget; 503
	 * when the budget cannot be read (database unavailable)
	 */
	public void admit(HttpServletRequest request) {
		String client = LoginAttempts.ClientAddress.of(request.getRemoteAddr());
		if (client == null) {
			return;
		}
		ConsumptionProbe probe;
		try {
			probe = this.buckets.bucket(KEY + client, this.limits).tryConsumeAndReturnRemaining(1);
		}
		catch (BucketExceptions.BucketExecutionException ex) {
			throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE,
					"The server is busy; try again in a few seconds", List.of(), Duration.ofSeconds(2));
		}
		if (!probe.isConsumed()) {
			Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
			long seconds = Math.max(1, wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0));
			throw new ProblemException(ProblemKind.TOO_MANY_REQUESTS,
					"Too many requests from your address; try again in " + seconds + " seconds", List.of(),
					Duration.ofSeconds(seconds));
		}
	}

}
