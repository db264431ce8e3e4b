/**
 * Sessions of AnyCable's extended protocol ({@code sid}, restore), kept on this node. Depends on the
 * channel API's identities and the configuration only.
 */
package io.jcable.internal.session;
