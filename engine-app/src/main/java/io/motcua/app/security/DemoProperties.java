package io.motcua.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data.
 *
 * @param enabled seed the demo unit tree and demo staff (password {@code demo}) into an
 * empty database and print the logins at start-up
 */
@ConfigurationProperties("motcua.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled) {
}
