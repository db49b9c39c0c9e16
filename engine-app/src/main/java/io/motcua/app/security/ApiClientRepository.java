package io.motcua.app.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiClientRepository extends JpaRepository<ApiClient, String> {

	Optional<ApiClient> findByKeyPrefix(String keyPrefix);

	Optional<ApiClient> findByOauthClientId(String oauthClientId);

	boolean existsByName(String name);

	List<ApiClient> findAllByOrderByCreatedAtDesc();

}
