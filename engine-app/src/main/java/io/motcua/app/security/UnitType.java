package io.motcua.app.security;

/**
 * Level of an organisational unit. Since the 2025 reform most procedures are handled by
 * communes.
 */
public enum UnitType {

	PROVINCE, DEPARTMENT, COMMUNE

}
