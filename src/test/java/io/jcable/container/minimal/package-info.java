/**
 * The minimum a user writes to use JCable in a WAR, exactly as README's "Use it in your WAR" shows
 * it; {@code MinimalWarIT} deploys it, with no beans.xml, on WildFly and Payara.
 */
package io.jcable.container.minimal;
