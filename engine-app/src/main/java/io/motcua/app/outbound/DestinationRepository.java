package io.motcua.app.outbound;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DestinationRepository extends JpaRepository<Destination, String> {

	List<Destination> findByActiveTrue();

	List<Destination> findByKindOrderByCreatedAtDesc(DestinationKind kind);

}
