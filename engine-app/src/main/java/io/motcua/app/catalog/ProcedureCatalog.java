package io.motcua.app.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The catalog of procedures. Descriptors are files ({@code classpath*:procedures/*.yaml})
 * read once at start-up; a malformed one stops start-up with a message naming the file
 * and the field.
 */
@Service
public class ProcedureCatalog {

	private static final Logger log = LoggerFactory.getLogger(ProcedureCatalog.class);

	static final String LOCATION = "classpath*:procedures/*.yaml";

	private final Map<String, Procedure> procedures;

	@Autowired
	ProcedureCatalog(Validator validator) {
		this(LOCATION, validator);
	}

	ProcedureCatalog(String location, Validator validator) {
		this.procedures = load(location, validator);
		log.info("Loaded {} procedures into the catalog: {}", this.procedures.size(), this.procedures.keySet());
	}

	/** Every procedure, ordered by code. */
	public Collection<Procedure> all() {
		return this.procedures.values();
	}

	/** The procedure with this code, if the catalog has it. */
	public Optional<Procedure> find(String code) {
		return Optional.ofNullable(this.procedures.get(code));
	}

	private static Map<String, Procedure> load(String location, Validator validator) {
		ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.findAndAddModules()
			.build();
		Resource[] resources;
		try {
			resources = new PathMatchingResourcePatternResolver().getResources(location);
		}
		catch (IOException ex) {
			throw new CatalogException("Cannot list procedure descriptors at " + location, ex);
		}
		Map<String, Procedure> loaded = new LinkedHashMap<>();
		List<Resource> sorted = List.of(resources)
			.stream()
			.sorted(Comparator.comparing(Resource::getFilename))
			.toList();
		for (Resource resource : sorted) {
			Procedure procedure = read(yaml, validator, resource);
			Procedure previous = loaded.putIfAbsent(procedure.code(), procedure);
			if (previous != null) {
				throw new CatalogException("Procedure descriptor " + resource.getFilename() + ": code "
						+ procedure.code() + " is used by another descriptor too");
			}
		}
		if (loaded.isEmpty()) {
			throw new CatalogException("No procedure descriptors found at " + location);
		}
		return loaded;
	}

	private static Procedure read(ObjectMapper yaml, Validator validator, Resource resource) {
		String file = resource.getFilename();
		Procedure procedure;
		try (InputStream in = resource.getInputStream()) {
			procedure = yaml.readValue(in, Procedure.class);
		}
		catch (JsonMappingException ex) {
			throw new CatalogException("Procedure descriptor " + file + ": field '" + path(ex) + "' "
					+ ex.getOriginalMessage().split("\n")[0], ex);
		}
		catch (IOException ex) {
			throw new CatalogException("Procedure descriptor " + file + " is not valid YAML: " + ex.getMessage(), ex);
		}
		if (procedure == null) {
			throw new CatalogException("Procedure descriptor " + file + " is empty");
		}
		Set<ConstraintViolation<Procedure>> violations = validator.validate(procedure);
		if (!violations.isEmpty()) {
			String fields = violations.stream()
				.map((violation) -> "field '" + violation.getPropertyPath() + "' " + violation.getMessage())
				.sorted()
				.collect(Collectors.joining("; "));
			throw new CatalogException("Procedure descriptor " + file + ": " + fields);
		}
		long distinctTypes = procedure.requiredDocuments()
			.stream()
			.map(Procedure.RequiredDocument::type)
			.distinct()
			.count();
		if (distinctTypes != procedure.requiredDocuments().size()) {
			throw new CatalogException(
					"Procedure descriptor " + file + ": field 'requiredDocuments' lists a document type twice");
		}
		return procedure;
	}

	private static String path(JsonMappingException ex) {
		return ex.getPath()
			.stream()
			.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	/** A procedure descriptor is missing, unreadable or breaks a rule. */
	static class CatalogException extends IllegalStateException {

		CatalogException(String message) {
			super(message);
		}

		CatalogException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
