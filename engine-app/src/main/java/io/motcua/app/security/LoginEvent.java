package io.motcua.app.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the logins' audit: a failed login, a lock of an account or an address, an
 * unlock. Written once, never changed.
 */
@Entity
@Table(name = "login_event")
class LoginEvent {

	/** What happened. */
	enum Kind {

		FAILED, ACCOUNT_LOCKED, ADDRESS_LOCKED, ACCOUNT_UNLOCKED

	}

	private static final int MAX_USERNAME = 200;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Kind kind;

	@Column(nullable = false)
	private Instant at;

	@Column(length = MAX_USERNAME)
	private String username;

	@Column(length = 64)
	private String address;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(length = 60)
	private String actor;

	protected LoginEvent() {
	}

	private LoginEvent(Kind kind, Instant at, String username, String address, Instant lockedUntil, String actor) {
		this.kind = kind;
		this.at = at;
		// A user name is whatever was typed; a very long one is cut, not refused
		this.username = (username != null && username.length() > MAX_USERNAME) ? username.substring(0, MAX_USERNAME)
				: username;
		this.address = address;
		this.lockedUntil = lockedUntil;
		this.actor = actor;
	}

	static LoginEvent failed(String username, String address, Instant at) {
		return new LoginEvent(Kind.FAILED, at, username, address, null, null);
	}

	static LoginEvent accountLocked(String username, Instant at, Instant until) {
		return new LoginEvent(Kind.ACCOUNT_LOCKED, at, username, null, until, null);
	}

	static LoginEvent addressLocked(String address, Instant at, Instant until) {
		return new LoginEvent(Kind.ADDRESS_LOCKED, at, null, address, until, null);
	}

	static LoginEvent accountUnlocked(String username, String by, Instant at) {
		return new LoginEvent(Kind.ACCOUNT_UNLOCKED, at, username, null, null, by);
	}

	Kind kind() {
		return this.kind;
	}

	Instant at() {
		return this.at;
	}

	String username() {
		return this.username;
	}

	String address() {
		return this.address;
	}

	Instant lockedUntil() {
		return this.lockedUntil;
	}

}
