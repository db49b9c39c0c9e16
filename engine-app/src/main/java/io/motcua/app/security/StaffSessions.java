package io.motcua.app.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends the web sessions of a member of staff whose access changed. Sessions live in the
 * database (Spring Session JDBC, indexed by principal name), so a session deleted here is
 * gone for every node at its next request: the member logs in again, with the new roles
 * or not at all.
 */
@Component
class StaffSessions {

	private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@ApplicationModuleListener
	void on(StaffAccessChanged changed) {
		Set<String> ids = Set.copyOf(this.sessions.findByPrincipalName(changed.username()).keySet());
		ids.forEach(this.sessions::deleteById);
		if (!ids.isEmpty()) {
			log.info("Ended {} web session(s) of {}: {} changed their access", ids.size(), changed.username(),
					changed.changedBy());
		}
	}

}
