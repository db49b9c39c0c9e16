package io.motcua.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Motcua: the electronic one-stop counter of a local government.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotcuaApplication {

	public static void main(String[] args) {
		SpringApplication.run(MotcuaApplication.class, args);
	}

}
