/**
 * JCable's options, each documented once in {@link io.jcable.config.CableConfig} with its default,
 * and where they are read from. Depends on nothing else of JCable.
 */
package io.jcable.config;
