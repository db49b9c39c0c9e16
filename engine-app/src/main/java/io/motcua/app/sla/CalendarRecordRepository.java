package io.motcua.app.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CalendarRecordRepository extends JpaRepository<CalendarRecord, Integer> {

	List<CalendarRecord> findAllByOrderByYear();

	/**
	 * Year and version of every stored calendar: tells whether the parsed calendar in
	 * memory is still current without reading the definitions.
	 */
	@Query("select concat(cast(r.year as String), ':', cast(r.version as String)) from CalendarRecord r order by r.year")
	List<String> stamps();

}
