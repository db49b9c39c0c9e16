package io.motcua.app.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LoginEventRepository extends JpaRepository<LoginEvent, Long> {

	/**
	 * The locks of these accounts that have not ended: not over at {@code now} and no
	 * unlock since (indexed by {@code login_event_username_idx}).
	 */
	@Query("""
			select e from LoginEvent e where e.kind = io.motcua.app.security.LoginEvent.Kind.ACCOUNT_LOCKED
			and e.username in :usernames and e.lockedUntil > :now
			and not exists (select u from LoginEvent u
			where u.kind = io.motcua.app.security.LoginEvent.Kind.ACCOUNT_UNLOCKED
			and u.username = e.username and u.at >= e.at)""")
	List<LoginEvent> findLocks(Collection<String> usernames, Instant now);

}
