/**
 * A channel for the tests only: it transmits before confirming, streams for models, and fails on
 * request. Left out of the bean archive when the demo runs for people (see META-INF/beans.xml).
 */
package io.jcable.internal.server.probe;
