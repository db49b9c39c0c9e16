package io.motcua.forms;

import java.util.Optional;

/**
 * The form-js component types this library understands. Purely visual components
 * ({@code spacer}, {@code separator}, {@code image}, {@code html}, {@code iframe},
 * {@code button}) are dropped while loading and have no constant here.
 */
public enum ComponentType {

	/** Single-line text ({@code textfield}); value is a string. */
	TEXTFIELD("textfield"),

	/** Multi-line text ({@code textarea}); value is a string. */
	TEXTAREA("textarea"),

	/**
	 * Number ({@code number}); value is a JSON number, or a numeric string when
	 * serialised to string.
	 */
	NUMBER("number"),

	/** Checkbox ({@code checkbox}); value is a boolean. */
	CHECKBOX("checkbox"),

	/** Several choices from static options ({@code checklist}); value is an array. */
	CHECKLIST("checklist"),

	/** One choice from static options shown as radio buttons ({@code radio}). */
	RADIO("radio"),

	/** One choice from static options shown as a drop-down ({@code select}). */
	SELECT("select"),

	/**
	 * Several choices from static options shown as tags ({@code taglist}); value is an
	 * array.
	 */
	TAGLIST("taglist"),

	/**
	 * Date, time or date and time ({@code datetime}), see
	 * {@link FormComponent#subtype()}.
	 */
	DATETIME("datetime"),

	/** Static text ({@code text}); carries no value. */
	TEXT("text"),

	/**
	 * A group of components ({@code group}), optionally nesting their values under a
	 * path.
	 */
	GROUP("group"),

	/** A list of repeated items ({@code dynamiclist}) under a path. */
	DYNAMIC_LIST("dynamiclist");

	private final String schemaName;

	ComponentType(String schemaName) {
		this.schemaName = schemaName;
	}

	/**
	 * Returns the name form-js uses in the {@code type} property.
	 * @return the schema name, never {@code null}
	 */
	public String schemaName() {
		return this.schemaName;
	}

	/**
	 * Tells whether components of this type carry a value under their {@code key}.
	 * @return {@code true} for input fields, {@code false} for text, groups and lists
	 */
	public boolean isField() {
		return this != TEXT && this != GROUP && this != DYNAMIC_LIST;
	}

	/**
	 * Tells whether the value must be one of the static options.
	 * @return {@code true} for checklist, radio, select and taglist
	 */
	public boolean hasOptions() {
		return this == CHECKLIST || this == RADIO || this == SELECT || this == TAGLIST;
	}

	/**
	 * Finds the type with the given form-js name.
	 * @param schemaName the value of the {@code type} property, may be {@code null}
	 * @return the type, or empty when the name is unknown or {@code null}
	 */
	public static Optional<ComponentType> fromSchemaName(String schemaName) {
		for (ComponentType type : values()) {
			if (type.schemaName.equals(schemaName)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
