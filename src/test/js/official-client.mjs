// The official @rails/actioncable client, running in Node as it runs in a browser, with what a test
// needs to watch it: every callback of every subscription, and every socket with its frames.
import { WebSocket } from "ws";
import jwt from "jsonwebtoken";
import { adapters, createConsumer, ConnectionMonitor, logger } from "@rails/actioncable";
import { SECRET } from "./demo-server.mjs";

// Node has no WebSocket and no document. The client's ConnectionMonitor listens for
// "visibilitychange" through the global addEventListener and reads document.visibilityState.
globalThis.document ??= { visibilityState: "visible", addEventListener() {}, removeEventListener() {} };
globalThis.addEventListener ??= () => {};
globalThis.removeEventListener ??= () => {};
logger.enabled = process.env.JCABLE_CABLE_DEBUG === "1";

/** Every socket the client opened, in order, with the frames it sent and received and its close code. */
export const sockets = [];

/** The `ws` WebSocket, recording its traffic; the client only ever sees the browser API. */
class RecordingWebSocket extends WebSocket {
  constructor(url, protocols) {
    super(url, protocols);
    this.sentFrames = [];
    this.receivedFrames = [];
    this.closeCode = null;
    sockets.push(this);
    this.addEventListener("message", (event) => this.receivedFrames.push(String(event.data)));
    this.addEventListener("close", (event) => { this.closeCode = event.code; });
  }

  send(data) {
    this.sentFrames.push(String(data));
    super.send(data);
  }
}
adapters.WebSocket = RecordingWebSocket;

export { ConnectionMonitor };

/** A demo token for `user`: HS256 JWT, payload {"id": user}. */
export function token(user, secret = SECRET) {
  return jwt.sign({ id: user }, secret, { algorithm: "HS256", expiresIn: "1h" });
}

/** Waits until `condition()` is truthy, checking every 10 ms; fails with `what` after `timeout` ms. */
export async function until(condition, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets `ms` pass, for the checks that something does NOT happen within that time. */
export const quiet = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A consumer of the official client for `user` against `demo` (its URL carries the token), and
 * `subscribe(params)` to create subscriptions whose callbacks are recorded. Close it with
 * `disconnect()`, or `t.after(() => client.disconnect())`.
 */
let consumers = 0;

export function connect(demo, user, { token: userToken = token(user) } = {}) {
  // Sockets are told apart by URL: the consumer's number makes it unique, even for one user on a
  // demo that outlives the test (a deployed WAR). The server ignores the extra parameter.
  const url = `${demo.cable(userToken)}&consumer=${++consumers}`;
  const consumer = createConsumer(url);
  const own = () => sockets.filter((socket) => socket.url === url);
  return {
    consumer,
    /** The sockets this consumer opened, in order. */
    sockets: own,
    /** Frames this consumer sent, parsed, over all its sockets. */
    sent: () => own().flatMap((socket) => socket.sentFrames.map((frame) => JSON.parse(frame))),
    subscribe: (params) => subscribe(consumer, params),
    disconnect: () => consumer.disconnect(),
  };
}

/**
 * Creates a subscription whose callbacks are recorded: `events` holds [callback, argument] pairs in
 * order (initialized excluded), `received` the data of the `received` calls.
 */
function subscribe(consumer, params) {
  const events = [];
  const received = [];
  const record = (name) => function (argument) {
    events.push(argument === undefined ? [name] : [name, argument]);
    if (name === "received") received.push(argument);
  };
  const subscription = consumer.subscriptions.create(params, {
    connected: record("connected"),
    disconnected: record("disconnected"),
    rejected: record("rejected"),
    received: record("received"),
  });
  const count = (name) => events.filter(([callback]) => callback === name).length;
  return {
    subscription,
    events,
    received,
    count,
    /** Resolves when the n-th call of `callback` has happened. */
    called: (callback, n = 1, timeout) => until(() => count(callback) >= n, `${callback} #${n} on ${subscription.identifier}`, timeout),
    /** Resolves when `received` has been called n times in all. */
    receivedCount: (n, timeout) => until(() => received.length >= n, `${n} received on ${subscription.identifier} (got ${received.length})`, timeout),
  };
}
