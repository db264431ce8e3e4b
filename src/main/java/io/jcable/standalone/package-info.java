/**
 * The embedded default, one call to start: {@link io.jcable.standalone.CableServer} from an
 * application's {@code main}, or the {@link io.jcable.standalone.Main} command. Tyrus on Grizzly,
 * Weld SE and the rest of the runtime live in {@code io.jcable.internal.standalone}.
 */
package io.jcable.standalone;
