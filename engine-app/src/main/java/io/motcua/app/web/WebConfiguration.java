package io.motcua.app.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language of the UI: Vietnamese by default, English on {@code ?lang=en}, remembered in a
 * cookie. API calls without the cookie keep honouring {@code Accept-Language}, as before.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final String LANGUAGE_COOKIE = "motcua-lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocale(VIETNAMESE);
		resolver.setDefaultLocaleFunction((request) -> {
			String uri = request.getRequestURI();
			boolean api = uri.startsWith(request.getContextPath() + "/api/")
					|| uri.startsWith(request.getContextPath() + "/public/");
			return (api && request.getHeader("Accept-Language") != null) ? request.getLocale() : VIETNAMESE;
		});
		return resolver;
	}

	/**
	 * Messages of the UI; {@code messages.properties} is Vietnamese. No fallback to the
	 * server's own locale, so an English server still answers in Vietnamese by default.
	 */
	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor).excludePathPatterns("/api/**", "/public/**");
	}

}
