/**
 * The staff web UI and the public lookup page: server-rendered Thymeleaf pages (no
 * JavaScript build step; htmx and Chart.js from WebJars), Vietnamese by default with an
 * English switch ({@code ?lang=en|vi}, remembered in a cookie). Controllers here call
 * other features' public services only and turn their {@code ProblemException}s into
 * messages next to the fields or an error page.
 */
package io.motcua.app.web;
