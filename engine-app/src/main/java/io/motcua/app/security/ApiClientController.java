package io.motcua.app.security;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.security.ApiClients.ClientRequest;
import io.motcua.app.security.ApiClients.ClientView;
import io.motcua.app.security.ApiClients.RegisteredClient;

/** {@code /api/v1/admin/api-clients}: machine clients, their keys and scopes. */
@RestController
@RequestMapping("/api/v1/admin/api-clients")
@PreAuthorize("hasRole('ADMIN')")
class ApiClientController {

	private final ApiClients clients;

	ApiClientController(ApiClients clients) {
		this.clients = clients;
	}

	@GetMapping
	List<ClientView> clients() {
		return this.clients.clients();
	}

	/** 201 with the API key, shown this once. */
	@PostMapping
	ResponseEntity<RegisteredClient> register(@RequestBody ClientRequest request) {
		RegisteredClient registered = this.clients.register(request);
		return ResponseEntity.created(URI.create("/api/v1/admin/api-clients/" + registered.client().id()))
			.body(registered);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		this.clients.revoke(id);
		return ResponseEntity.noContent().build();
	}

}
