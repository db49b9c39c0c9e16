package io.motcua.app.signature;

import org.springframework.data.repository.CrudRepository;

interface SigningSessionRepository extends CrudRepository<SigningSession, String> {

}
