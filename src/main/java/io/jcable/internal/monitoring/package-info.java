/**
 * What operators watch: the server's counters and gauges as a JMX MXBean ({@code io.jcable:type=Cable}),
 * on every runtime, and a health check over HTTP ({@code jcable.health-path}). Reads {@code server},
 * {@code broadcast}, {@code cluster} and {@code config}; nothing depends on it.
 */
package io.jcable.internal.monitoring;
