package io.motcua.app;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Stores an integration test's documents on S3-compatible object storage: an
 * {@link EmbeddedS3Server} owned by the Spring context (a bean, stopped when the context
 * closes), bucket {@value #BUCKET} created at start-up, keys under {@value #PREFIX}.
 */
public class S3TestStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String BUCKET = "motcua-documents";

	public static final String PREFIX = "documents/";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		EmbeddedS3Server server = EmbeddedS3Server.start();
		context.getBeanFactory().registerSingleton("embeddedS3Server", server);
		((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedS3Server",
				server::close);
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String argument : server.settings(BUCKET, PREFIX)) {
			String setting = argument.substring(2);
			int equals = setting.indexOf('=');
			properties.put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("s3-test-store", properties));
	}

}
