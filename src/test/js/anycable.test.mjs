// AnyCable's own client, @anycable/web (the npm package), against JCable's demo in Node, over AnyCable's
// extended protocol: a connection lost at the network level while broadcasts go on costs no message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { WebSocket } from "ws";
import { createCable } from "@anycable/web";
import jwt from "jsonwebtoken";
import { SECRET, broadcast, startDemo } from "./demo-server.mjs";
import { quiet, token, until } from "./official-client.mjs";

const EXT = "actioncable-v1-ext-json";

/** Every socket the client opened, with the frames it received. */
function recordingWebSocket() {
  const sockets = [];
  class Recording extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.url_ = url;
      this.receivedFrames = [];
      sockets.push(this);
      this.addEventListener("message", (event) => this.receivedFrames.push(JSON.parse(String(event.data))));
    }
  }
  return { Recording, sockets };
}

async function demoFor(t) {
  const demo = await startDemo({ name: t.name });
  t.after(() => demo.stop());
  return demo;
}

test("@anycable/web negotiates the extended protocol and is welcomed with a session id", async (t) => {
  const demo = await demoFor(t);
  const { Recording, sockets } = recordingWebSocket();
  const cable = createCable(demo.cable(token("alice")), { protocol: EXT, websocketImplementation: Recording, logLevel: "error" });
  t.after(() => cable.disconnect());
  const channel = cable.subscribeTo("ChatChannel", { room: "ext" });
  await channel.ensureSubscribed();
  assert.equal(sockets[0].protocol, EXT);
  const welcome = sockets[0].receivedFrames.find((frame) => frame.type === "welcome");
  assert.match(welcome.sid, /^[\w-]{16,}$/);

  const got = [];
  channel.on("message", (message) => got.push(message));
  assert.equal(await broadcast(demo, "chat_ext", { n: 1 }), 201);
  await until(() => got.length === 1, "the broadcast");
  assert.deepEqual(got, [{ n: 1 }]);
  const frame = sockets[0].receivedFrames.find((f) => f.message && f.message.n === 1);
  assert.equal(frame.stream_id, "chat_ext");
  assert.equal(frame.offset, 1);
  assert.equal(typeof frame.epoch, "string");
});

test("a connection dropped at the network level while broadcasts go on comes back, restores its session and gets every message once, in order", async (t) => {
  const demo = await demoFor(t);
  const { Recording, sockets } = recordingWebSocket();
  const cable = createCable(demo.cable(token("alice")), { protocol: EXT, websocketImplementation: Recording, logLevel: "error" });
  t.after(() => cable.disconnect());
  const channel = cable.subscribeTo("ChatChannel", { room: "drop" });
  const received = [];
  channel.on("message", (message) => { if (message.n !== undefined) received.push(message.n); });
  await channel.ensureSubscribed();

  // The stream keeps its last 100 broadcasts: the client, which notices the dead socket only after
  // missed pings (some seconds), may miss at most 70 here whatever the timing. More would be refused
  // with reject_history, as the contract says (ExtendedProtocolSuite covers that answer).
  const total = 100;
  const sender = (async () => {
    for (let n = 1; n <= total; n++) {
      assert.equal(await broadcast(demo, "chat_drop", { n }), 201);
      await quiet(20);
    }
  })();
  await until(() => received.length >= 30, "the first 30 broadcasts");
  sockets[0]._socket.destroy(); // the TCP connection is gone: no close frame, as when a phone changes networks
  await sender;
  await until(() => received.length >= total, `all ${total} broadcasts (got ${received.length})`, 30_000);
  await quiet(500);

  assert.deepEqual(received, Array.from({ length: total }, (_, i) => i + 1), "every broadcast once, in order");
  assert.ok(sockets.length >= 2, "the client reconnected");
  const welcome = sockets[sockets.length - 1].receivedFrames.find((frame) => frame.type === "welcome");
  assert.equal(welcome.restored, true, `restored: ${JSON.stringify(welcome)}`);
  assert.deepEqual(welcome.restored_ids, [JSON.stringify({ channel: "ChatChannel", room: "drop" })]);
  assert.ok(sockets[sockets.length - 1].receivedFrames.some((frame) => frame.type === "confirm_history"),
    "what it missed came through the history");
});

test("@anycable/web's tokenRefresher answers token_expired with a fresh jid, and the client connects without a reconnect loop", async (t) => {
  const demo = await demoFor(t);
  const jid = (user, seconds) =>
    jwt.sign({ ext: JSON.stringify({ id: user }), exp: Math.floor(Date.now() / 1000) + seconds }, SECRET, { algorithm: "HS256" });
  const { Recording, sockets } = recordingWebSocket();
  let refreshes = 0;
  const expiredUrl = demo.cable("unused").replace(/\?token=.*/, `?jid=${jid("erin", -5)}`);
  const cable = createCable(expiredUrl, {
    protocol: EXT,
    websocketImplementation: Recording,
    logLevel: "error",
    tokenRefresher: async (transport) => {
      refreshes++;
      transport.setParam("jid", jid("erin", 60)); // what a page would fetch from its back end
    },
  });
  t.after(() => cable.disconnect());
  const channel = cable.subscribeTo("ChatChannel", { room: "refreshed" });
  await channel.ensureSubscribed();

  assert.equal(refreshes, 1);
  assert.equal(sockets.length, 2, "the refused socket, then the one with the fresh token");
  assert.deepEqual(sockets[0].receivedFrames, [{ type: "disconnect", reason: "token_expired", reconnect: false }]);
  const got = [];
  channel.on("message", (message) => got.push(message));
  await channel.send({ message: "fresh" });
  await until(() => got.some((m) => m.message === "fresh"), "erin's own line");
  assert.equal(got.find((m) => m.message === "fresh").current_user_id, "erin");
});

test("two people on @anycable/web: each sees the other in the room's presence and the other's typing whisper within a second", async (t) => {
  const demo = await demoFor(t);
  const people = ["alice", "bob"].map((user) => {
    const cable = createCable(demo.cable(token(user)), { protocol: EXT, websocketImplementation: WebSocket, logLevel: "error" });
    t.after(() => cable.disconnect());
    const channel = cable.subscribeTo("ChatChannel", { room: "people" });
    const seen = { present: new Set(), typing: [] };
    channel.on("presence", (event) => {
      if (event.type === "join") seen.present.add(event.id);
      if (event.type === "leave") seen.present.delete(event.id);
    });
    channel.on("message", (message) => { if (message.typing) seen.typing.push(message.typing); });
    return { user, channel, seen };
  });
  const [alice, bob] = people;
  await alice.channel.ensureSubscribed();
  await bob.channel.ensureSubscribed();

  let started = performance.now();
  await alice.channel.presence.join("alice", { name: "Alice" });
  await bob.channel.presence.join("bob", { name: "Bob" });
  await until(() => alice.seen.present.has("bob") && bob.seen.present.has("alice"), "each in the other's presence", 1000);
  t.diagnostic(`presence crossed in ${(performance.now() - started).toFixed(0)} ms`);
  assert.deepEqual(await bob.channel.presence.info(), { alice: { name: "Alice" }, bob: { name: "Bob" } });

  started = performance.now();
  await bob.channel.whisper({ typing: "bob" });
  await until(() => alice.seen.typing.includes("bob"), "alice hears bob typing", 1000);
  t.diagnostic(`the whisper crossed in ${(performance.now() - started).toFixed(0)} ms`);
  await quiet(200);
  assert.deepEqual(bob.seen.typing, [], "never back to its sender");

  await alice.channel.presence.leave();
  await until(() => !bob.seen.present.has("alice"), "alice leaves bob's view", 1000);
});
