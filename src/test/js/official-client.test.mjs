// JCable's demo application driven by the official @rails/actioncable client (the npm package, as a
// Rails application ships it), in Node. Each test starts its own demo JVM and asserts what a user of
// the client sees: the subscription callbacks and their arguments, and what must not happen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { broadcast, startDemo } from "./demo-server.mjs";
import { ConnectionMonitor, connect, quiet, token, until } from "./official-client.mjs";

const QUIET_MS = 500;

/** A demo for this test, stopped after it, with every consumer the test opened disconnected first. */
async function demoFor(t, options = {}) {
  const demo = await startDemo({ name: t.name, ...options });
  const clients = [];
  t.after(async () => {
    clients.forEach((client) => client.disconnect());
    await demo.stop();
  });
  return {
    demo,
    connect(user, connectOptions) {
      const client = connect(demo, user, connectOptions);
      clients.push(client);
      return client;
    },
  };
}

const chat = (room) => ({ channel: "ChatChannel", room });

test("connected, then chat messages, away and status reach everyone in the room and nobody elsewhere", async (t) => {
  const { connect } = await demoFor(t);
  const alice = connect("alice").subscribe(chat("lobby"));
  const bob = connect("bob").subscribe(chat("lobby"));
  const carol = connect("carol").subscribe(chat("elsewhere"));
  await Promise.all([alice, bob, carol].map((s) => s.called("connected")));

  bob.subscription.send({ message: "hello <b>&</b> \u2028 ünïcode" });
  bob.subscription.perform("away");
  bob.subscription.perform("status", { status: "busy" });

  const seen = [
    { message: "hello <b>&</b> \u2028 ünïcode", current_user_id: "bob" },
    { user: "bob", performed: "away" },
    { user: "bob", performed: "status", status: "busy" },
  ];
  await Promise.all([alice.receivedCount(3), bob.receivedCount(3)]);
  await quiet(QUIET_MS);
  for (const subscriber of [alice, bob]) {
    assert.deepEqual(subscriber.events, [["connected", { reconnected: false }], ...seen.map((data) => ["received", data])]);
  }
  assert.deepEqual(carol.events, [["connected", { reconnected: false }]], "another room receives nothing");
});

test("a ChatChannel subscription without a room is rejected once, and the connection stays usable", async (t) => {
  const { connect } = await demoFor(t);
  const client = connect("alice");
  const noRoom = client.subscribe({ channel: "ChatChannel" });
  const emptyRoom = client.subscribe(chat(""));
  await Promise.all([noRoom.called("rejected"), emptyRoom.called("rejected")]);
  // Before its answer the client may resend a subscribe (every 500 ms); after a rejection, never.
  const sentBeforeRejections = client.sent().length;

  const lobby = client.subscribe(chat("lobby"));
  await lobby.called("connected");
  lobby.subscription.send({ message: "still here" });
  await lobby.receivedCount(1);
  await quiet(2_000); // four of the client's 500 ms subscribe retries, were it still retrying

  assert.deepEqual(noRoom.events, [["rejected"]]);
  assert.deepEqual(emptyRoom.events, [["rejected"]]);
  assert.deepEqual(lobby.events, [["connected", { reconnected: false }], ["received", { message: "still here", current_user_id: "alice" }]]);
  const rejectedIdentifiers = [{ channel: "ChatChannel" }, chat("")].map((params) => JSON.stringify(params));
  const retries = client.sent().slice(sentBeforeRejections)
    .filter((frame) => frame.command === "subscribe" && rejectedIdentifiers.includes(frame.identifier));
  assert.deepEqual(retries, [], "no subscribe is retried after its rejection");
  assert.equal(client.sockets().length, 1, "no reconnect");
});

test("an unknown channel is rejected, so the official client stops retrying (Rails stays silent and it retries forever)", async (t) => {
  const { connect } = await demoFor(t);
  const client = connect("alice");
  const unknown = client.subscribe({ channel: "NoSuchChannel" });
  await unknown.called("rejected");
  const sentBeforeRejection = client.sent().length;
  await quiet(2_000); // four of the client's 500 ms subscribe retries, were it still retrying

  assert.deepEqual(unknown.events, [["rejected"]]);
  const subscribes = client.sent().filter((frame) => frame.command === "subscribe");
  assert.deepEqual(client.sent().slice(sentBeforeRejection), [], "nothing is sent after the rejection: no retry");
  const [socket] = client.sockets();
  const answers = socket.receivedFrames.map((f) => JSON.parse(f)).filter((frame) => frame.type !== "ping");
  // Each subscribe (the client may have resent it before the first answer) is answered by a rejection.
  assert.deepEqual(answers, [{ type: "welcome" },
    ...subscribes.map(() => ({ identifier: JSON.stringify({ channel: "NoSuchChannel" }), type: "reject_subscription" }))]);
});

test("an unauthorized token disconnects the subscriptions for good: no reconnect", async (t) => {
  const { connect } = await demoFor(t);
  // With a 1 s stale threshold a running ConnectionMonitor would reopen within ~3 s; the default 6 s
  // would make the wait for "no reconnect" 12 s and more.
  const staleThreshold = ConnectionMonitor.staleThreshold;
  ConnectionMonitor.staleThreshold = 1;
  t.after(() => { ConnectionMonitor.staleThreshold = staleThreshold; });

  const client = connect("mallory", { token: token("mallory", "not-the-demo-secret") });
  const room = client.subscribe(chat("lobby"));
  await room.called("disconnected");
  await quiet(5_000);

  assert.deepEqual(room.events, [["disconnected", { willAttemptReconnect: false }]]);
  const opened = client.sockets();
  assert.equal(opened.length, 1, "the client does not reconnect");
  assert.deepEqual(opened[0].receivedFrames.map((f) => JSON.parse(f)), [{ type: "disconnect", reason: "unauthorized", reconnect: false }]);
  // The client closes as soon as it reads the disconnect, while the server closes too: the socket
  // ends with the server's close frame (1000), or, when the server's TCP close overtakes the
  // client's close frame, without one (1006). Either way nothing after the disconnect frame.
  assert.ok([1000, 1006].includes(opened[0].closeCode), `close code ${opened[0].closeCode}`);
});

test("POST /_broadcast reaches the CommentsChannel subscribers of that post only; a wrong key delivers nothing", async (t) => {
  const { demo, connect } = await demoFor(t);
  const post7 = connect("reader").subscribe({ channel: "CommentsChannel", post_id: "7" });
  const post8 = connect("other").subscribe({ channel: "CommentsChannel", post_id: "8" });
  await Promise.all([post7.called("connected"), post8.called("connected")]);

  assert.equal(await broadcast(demo, "comments:post:7", { body: "forged" }, { key: "wrong-key" }), 401);
  assert.equal(await broadcast(demo, "comments:post:7", { body: "first!", by: ["reader", 1] }), 201);
  await post7.receivedCount(1);
  await quiet(QUIET_MS);

  assert.deepEqual(post7.events, [["connected", { reconnected: false }], ["received", { body: "first!", by: ["reader", 1] }]]);
  assert.deepEqual(post8.events, [["connected", { reconnected: false }]]);
});

test("BenchmarkChannel: echo answers the sender only; broadcast reaches everyone, then answers broadcastResult", async (t) => {
  const { connect } = await demoFor(t);
  const a = connect("a").subscribe({ channel: "BenchmarkChannel" });
  const b = connect("b").subscribe({ channel: "BenchmarkChannel" });
  await Promise.all([a.called("connected"), b.called("connected")]);

  a.subscription.perform("echo", { payload: { n: 1, s: "x" } });
  await a.receivedCount(1);
  assert.deepEqual(a.received, [{ action: "echo", payload: { n: 1, s: "x" } }]);

  a.subscription.perform("broadcast", { payload: "hello" });
  await Promise.all([a.receivedCount(3), b.receivedCount(1)]);
  await quiet(QUIET_MS);

  assert.deepEqual(b.received, [{ action: "broadcast", payload: "hello" }], "b gets the broadcast and never the echo");
  // The broadcast travels through the stream, the result straight back: either may come first.
  const byAction = (x, y) => x.action.localeCompare(y.action);
  assert.deepEqual(a.received.slice(1).sort(byAction),
    [{ action: "broadcast", payload: "hello" }, { action: "broadcastResult", payload: "hello" }]);
  assert.equal(a.received.length, 3);
});

test("500 broadcasts reach each of 20 official clients, all of them, in order, once", { timeout: 180_000 }, async (t) => {
  const { connect } = await demoFor(t);
  const subscribers = Array.from({ length: 20 }, (_, i) => connect(`subscriber-${i}`).subscribe({ channel: "BenchmarkChannel" }));
  await Promise.all(subscribers.map((s) => s.called("connected")));
  const [sender] = subscribers;
  const expected = Array.from({ length: 500 }, (_, seq) => seq);

  const started = performance.now();
  for (const seq of expected) {
    sender.subscription.perform("broadcast", { seq });
  }
  const broadcasts = (s) => s.received.filter((data) => data.action === "broadcast");
  await until(() => subscribers.every((s) => broadcasts(s).length >= 500),
    `500 broadcasts at every subscriber (got ${subscribers.map((s) => broadcasts(s).length)})`, 120_000);
  t.diagnostic(`20 x 500 deliveries in ${Math.round(performance.now() - started)} ms`);
  await until(() => sender.received.length >= 1000, "the sender's 500 broadcastResults", 30_000);
  await quiet(QUIET_MS);

  subscribers.forEach((s, i) => {
    assert.deepEqual(broadcasts(s).map((data) => data.seq), expected, `subscriber-${i} gets every broadcast, in order, once`);
    assert.deepEqual(s.events.filter(([callback]) => callback !== "received"), [["connected", { reconnected: false }]]);
  });
  assert.deepEqual(sender.received.filter((data) => data.action === "broadcastResult").map((data) => data.seq), expected);
  assert.equal(sender.received.length, 1000);
  subscribers.slice(1).forEach((s) => assert.equal(s.received.length, 500, "only the sender gets broadcastResult"));
});
