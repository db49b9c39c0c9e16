/**
 * Camunda Forms (form-js) definitions and a validator for what an applicant submits.
 *
 * <p>
 * {@link io.motcua.forms.FormDefinition#parse(String)} reads a {@code .form} file as
 * Camunda Modeler saves it and rejects, at load time, anything the validator could not
 * enforce (unknown component types, hide conditions outside the supported FEEL subset,
 * dynamic option sources, invalid patterns). {@link io.motcua.forms.FormValidator} then
 * checks a submission against a definition and returns every
 * {@link io.motcua.forms.FormViolation} at once, with Vietnamese and English messages; it
 * never throws on hostile input. {@link io.motcua.forms.FormCompatibility} tells whether
 * data entered for one version of a form still holds for another.
 *
 * <p>
 * The definitions of the demo procedures ship in {@code forms/<form-id>.form} on the
 * class path and load with {@link io.motcua.forms.FormDefinition#bundled(String)}. Plain
 * Java: the only dependency is Jackson.
 */
package io.motcua.forms;
