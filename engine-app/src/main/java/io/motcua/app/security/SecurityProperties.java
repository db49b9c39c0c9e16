package io.motcua.app.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param refuseDemoPasswords refuse to start while any staff member has the demo password
 * (on for the {@code postgres} profile)
 * @param bootstrapAdminPassword when set and no staff exists yet, create an {@code admin}
 * with this password in the bootstrap unit, so that a fresh production database can be
 * administered
 * @param bootstrapUnitCode code of the root unit created with the bootstrap admin
 * @param bootstrapUnitName name of that unit
 * @param credentialCacheTtl how long a successful HTTP Basic login is remembered, so that
 * API clients do not pay for the password hash on every request; zero turns the cache off
 */
@ConfigurationProperties("motcua.security")
public record SecurityProperties(@DefaultValue("false") boolean refuseDemoPasswords, String bootstrapAdminPassword,
		@DefaultValue("ROOT") String bootstrapUnitCode, @DefaultValue("Root unit") String bootstrapUnitName,
		@DefaultValue("PT5M") Duration credentialCacheTtl) {
}
