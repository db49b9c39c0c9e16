package io.motcua.app.sla;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * The working calendars, stored per year. Shipped defaults ({@code calendars/*.yaml}) are
 * loaded into an empty table at start-up; administrators edit them through the API, and
 * every change re-projects the deadlines of open dossiers.
 */
@Service
public class CalendarService implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

	private final CalendarRecordRepository records;

	private final ObjectMapper json;

	private final StaffDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	private volatile CachedCalendar cached;

	CalendarService(CalendarRecordRepository records, ObjectMapper json, StaffDirectory directory,
			ApplicationEventPublisher events, JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.findAndAddModules()
			.build();
		Resource[] shipped = new PathMatchingResourcePatternResolver().getResources("classpath*:calendars/*.yaml");
		for (Resource resource : shipped) {
			CalendarYear year;
			try (InputStream in = resource.getInputStream()) {
				year = yaml.readValue(in, CalendarYear.class);
			}
			List<FieldError> violations = year.violations();
			if (!violations.isEmpty()) {
				throw new IllegalStateException("Shipped calendar " + resource.getFilename() + " is invalid: "
						+ violations.stream()
							.map((e) -> e.field() + " " + e.message())
							.collect(Collectors.joining("; ")));
			}
			if (!this.records.existsById(year.year())) {
				this.records.save(new CalendarRecord(year.year(), write(year), this.clock.instant(),
						StaffDirectory.SYSTEM_ACTOR));
				log.info("Loaded the shipped working calendar of {}", year.year());
			}
		}
	}

	/** The working calendar as stored now, all years together. */
	@Transactional(readOnly = true)
	public WorkingCalendar current() {
		// Another node may have changed a calendar: compare versions (a tiny read) on
		// every call rather than trusting a cache for some seconds, so that no deadline
		// is ever computed on a calendar that has been replaced. Plain JDBC: a JPA query
		// would first flush every change of the caller's transaction.
		String stamp = String.join(",",
				this.jdbc.query("select year_number, version from calendar_year order by year_number",
						(rs, row) -> rs.getInt(1) + ":" + rs.getLong(2)));
		CachedCalendar hit = this.cached;
		if (hit != null && hit.stamp().equals(stamp)) {
			return hit.calendar();
		}
		List<CalendarRecord> all = this.records.findAllByOrderByYear();
		stamp = all.stream().map((r) -> r.year() + ":" + r.version()).collect(Collectors.joining(","));
		if (all.isEmpty()) {
			throw new IllegalStateException("No working calendar is stored; add one with PUT /api/v1/calendars/{year}");
		}
		Map<Integer, WorkingCalendar.YearRules> rules = new HashMap<>();
		CalendarYear newest = null;
		for (CalendarRecord record : all) {
			CalendarYear year = read(record.definition());
			rules.put(year.year(), year.rules());
			newest = year;
		}
		WorkingCalendar.YearRules fallback = new WorkingCalendar.YearRules(newest.workingWeek(), newest.sessions(),
				List.of(), List.of());
		WorkingCalendar calendar = new WorkingCalendar(newest.zone(), rules, fallback);
		this.cached = new CachedCalendar(stamp, calendar);
		return calendar;
	}

	/** The years that have a calendar. */
	@Transactional(readOnly = true)
	public List<Integer> years() {
		return this.records.findAllByOrderByYear().stream().map(CalendarRecord::year).toList();
	}

	/**
	 * One year's calendar.
	 * @throws ProblemException 404 when the year has none
	 */
	@Transactional(readOnly = true)
	public CalendarYear get(int year) {
		return this.records.findById(year)
			.map((record) -> read(record.definition()))
			.orElseThrow(() -> ProblemException.notFound("No working calendar for " + year));
	}

	/**
	 * Replaces (or adds) one year's calendar and re-projects every open dossier's
	 * deadline in the same transaction.
	 * @throws ProblemException 422 naming every invalid field
	 */
	@Transactional
	public CalendarYear put(int year, CalendarYear definition) {
		if (definition.year() != year) {
			throw ProblemException.invalid("year", "must be " + year + " as in the path");
		}
		List<FieldError> violations = new ArrayList<>(definition.violations());
		// One office keeps one time zone: the calendar counts every year in it, so a
		// year in another zone would be silently counted in the wrong one
		this.records.findAllByOrderByYear()
			.stream()
			.filter((record) -> record.year() != year)
			.map((record) -> read(record.definition()))
			.filter((other) -> definition.zone() != null && !other.zone().equals(definition.zone()))
			.findFirst()
			.ifPresent((other) -> violations
				.add(new FieldError("zone", "must be " + other.zone() + " like the calendar of " + other.year()
						+ ": all years count in one time zone, so a zone cannot be changed one year at a time")));
		if (!violations.isEmpty()) {
			throw ProblemException.invalid("The calendar of " + year + " is invalid", violations);
		}
		String actor = this.directory.currentActor();
		String text = write(definition);
		this.records.findById(year)
			.ifPresentOrElse((record) -> record.replace(text, this.clock.instant(), actor),
					() -> this.records.save(new CalendarRecord(year, text, this.clock.instant(), actor)));
		this.records.flush();
		this.cached = null;
		log.info("Working calendar of {} changed by {}", year, actor);
		this.events.publishEvent(new CalendarChanged(year, actor));
		return definition;
	}

	/**
	 * Reads a calendar as an administrator sent it, naming every field that cannot be
	 * read: an unknown time zone, a session that is not a time range.
	 * @throws ProblemException 422 naming each such field
	 */
	public CalendarYear read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ProblemException.invalid("body", "must be a calendar (a JSON object)");
		}
		ObjectNode readable = body.deepCopy();
		List<FieldError> errors = new ArrayList<>();
		JsonNode zone = readable.get("zone");
		if (zone != null && !zone.isNull()) {
			try {
				ZoneId.of(zone.asText());
			}
			catch (DateTimeException ex) {
				errors.add(new FieldError("zone",
						"'" + zone.asText() + "' is not a known time zone, e.g. Asia/Ho_Chi_Minh"));
				readable.remove("zone");
			}
		}
		JsonNode sessions = readable.get("sessions");
		if (sessions != null && sessions.isArray()) {
			ArrayNode kept = readable.putArray("sessions");
			for (int i = 0; i < sessions.size(); i++) {
				String problem = sessionProblem(sessions.get(i));
				if (problem != null) {
					errors.add(new FieldError("sessions[" + i + "]", problem));
				}
				else {
					kept.add(sessions.get(i));
				}
			}
		}
		CalendarYear year;
		try {
			year = this.json.treeToValue(readable, CalendarYear.class);
		}
		catch (JsonMappingException ex) {
			String field = ex.getPath()
				.stream()
				.map((ref) -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			errors.add(new FieldError(field.isEmpty() ? "body" : field, ex.getOriginalMessage()));
			throw ProblemException.invalid("The calendar cannot be read", errors);
		}
		catch (JsonProcessingException ex) {
			throw ProblemException.invalid("body", ex.getOriginalMessage());
		}
		if (!errors.isEmpty()) {
			Set<String> named = errors.stream().map(FieldError::field).collect(Collectors.toSet());
			year.violations()
				.stream()
				.filter((error) -> !named.contains(error.field()) && !(error.field().equals("sessions")
						&& named.stream().anyMatch((f) -> f.startsWith("sessions"))))
				.forEach(errors::add);
			throw ProblemException.invalid("The calendar of " + year.year() + " is invalid", errors);
		}
		return year;
	}

	/** Why a session as sent is not a time range, null when it is one. */
	private static String sessionProblem(JsonNode session) {
		if (session == null || !session.isObject()) {
			return "must have start and end, e.g. {\"start\": \"07:30\", \"end\": \"11:30\"}";
		}
		try {
			LocalTime start = LocalTime.parse(session.path("start").asText());
			LocalTime end = LocalTime.parse(session.path("end").asText());
			return end.isAfter(start) ? null : "must end after it starts: " + start + "–" + end;
		}
		catch (DateTimeException ex) {
			return "start and end must be times of day, e.g. 07:30";
		}
	}

	private CalendarYear read(String definition) {
		try {
			return this.json.readValue(definition, CalendarYear.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored calendar is not readable", ex);
		}
	}

	private String write(CalendarYear year) {
		try {
			return this.json.writeValueAsString(year);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record CachedCalendar(String stamp, WorkingCalendar calendar) {
	}

}
