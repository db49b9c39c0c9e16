package io.motcua.app.dossier;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dossier settings.
 *
 * @param zone time zone in which a dossier's received date (part of its code) is counted
 */
@ConfigurationProperties("motcua.dossier")
public record DossierProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone) {
}
