/**
 * What applications write and import: {@link io.jcable.channel.Channel} beans with their callbacks
 * and actions, the {@link io.jcable.channel.Subscription} they act on, and the
 * {@link io.jcable.channel.ConnectionHandler} that identifies users. Depends on nothing but the
 * Jakarta APIs.
 */
package io.jcable.channel;
