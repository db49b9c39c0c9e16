package io.motcua.app.system;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP API.
 *
 * @param maxJsonBodyBytes largest JSON request body accepted; larger ones get 413
 */
@Validated
@ConfigurationProperties("motcua.api")
public record ApiProperties(@DefaultValue("262144") @Positive long maxJsonBodyBytes) {
}
