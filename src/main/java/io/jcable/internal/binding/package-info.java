/**
 * How an application's beans meet the protocol: the CDI extension that finds {@code @Channel} beans
 * and the connection handler and fails the deployment on a bad definition, the definitions that
 * bind a method's parameters, and the JSON-B codec for payloads. Depends on {@code protocol},
 * {@code channel} and the Jakarta APIs.
 */
package io.jcable.internal.binding;
