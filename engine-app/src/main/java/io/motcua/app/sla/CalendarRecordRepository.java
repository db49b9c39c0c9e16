package io.motcua.app.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarRecordRepository extends JpaRepository<CalendarRecord, Integer> {

	List<CalendarRecord> findAllByOrderByYear();

}
