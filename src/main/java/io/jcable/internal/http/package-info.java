/**
 * The AnyCable-compatible HTTP broadcast API ({@code POST /_broadcast}) as a Servlet, served in a
 * WAR and by the standalone runtime alike. Depends on {@code broadcast}, {@code channel} and
 * {@code config}.
 */
package io.jcable.internal.http;
