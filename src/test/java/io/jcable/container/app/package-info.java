/**
 * Classes only the container test WARs carry: an EJB and a JAX-RS resource that broadcast inside
 * transactions, and identification by the container's Principal or the HTTP session. Excluded from
 * the standalone bean archive (src/test/resources/META-INF/beans.xml).
 */
package io.jcable.container.app;
