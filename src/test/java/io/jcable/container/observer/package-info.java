/**
 * A WAR without JCable that watches the server's JVM while JCable's WARs come and go: which
 * threads live, and which class loaders still hold a class.
 */
package io.jcable.container.observer;
