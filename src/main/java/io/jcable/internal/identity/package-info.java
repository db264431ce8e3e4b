/**
 * Built-in identification: AnyCable's JWT ({@code ?jid=}). Depends on the channel API (identities,
 * rejections) and the configuration only.
 */
package io.jcable.internal.identity;
