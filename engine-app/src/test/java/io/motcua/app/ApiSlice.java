package io.motcua.app;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

import io.motcua.app.system.ApiProperties;

/**
 * What the request filters of every API slice ({@code @WebMvcTest}) need: the API's
 * settings (the JSON body limit).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class ApiSlice {

}
