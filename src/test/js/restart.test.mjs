// The official @rails/actioncable client across a restart of JCable's demo (its own JVMs, stopped
// with SIGTERM as a deployment stops it): the client comes back and resubscribes by itself, and the
// demo page tells the person so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { broadcast, startDemo } from "./demo-server.mjs";
import { connect, quiet } from "./official-client.mjs";
import { launch, person } from "./demo-page.mjs";

const QUIET_MS = 500;
const chat = (room) => ({ channel: "ChatChannel", room });

test("after a server restart the client reconnects and resubscribes by itself, then receives broadcasts again", { timeout: 180_000 }, async (t) => {
  const first = await startDemo({ name: `${t.name} (first)` });
  let second;
  const client = connect(first, "alice");
  t.after(async () => {
    client.disconnect();
    await first.stop();
    await second?.stop();
  });
  const room = client.subscribe(chat("restart"));
  await room.called("connected");
  assert.equal(await broadcast(first, "chat_restart", { message: "before", current_user_id: "server" }), 201);
  await room.receivedCount(1);

  const stoppedAt = performance.now();
  const { code, signal } = await first.stop();
  t.diagnostic(`first demo stopped (${code ?? signal}) in ${Math.round(performance.now() - stoppedAt)} ms`);
  await room.called("disconnected");
  const [oldSocket] = client.sockets();
  assert.deepEqual(JSON.parse(oldSocket.receivedFrames.at(-1)), { type: "disconnect", reason: "server_restart", reconnect: true });

  second = await startDemo({ name: `${t.name} (second)`, port: first.port });
  const backAt = performance.now();
  await room.called("connected", 2, 40_000);
  t.diagnostic(`official client resubscribed ${((performance.now() - backAt) / 1000).toFixed(1)} s after the new server was ready, `
    + `${((performance.now() - stoppedAt) / 1000).toFixed(1)} s after SIGTERM (${client.sockets().length} sockets opened)`);

  assert.equal(await broadcast(second, "chat_restart", { message: "after", current_user_id: "server" }), 201);
  await room.receivedCount(2);
  await quiet(QUIET_MS);
  assert.deepEqual(room.events, [
    ["connected", { reconnected: false }],
    ["received", { message: "before", current_user_id: "server" }],
    ["disconnected", { willAttemptReconnect: true }],
    ["connected", { reconnected: true }],
    ["received", { message: "after", current_user_id: "server" }],
  ]);
});

test("the demo page tells a person in a room that the connection dropped and came back, and follows its post again", { timeout: 180_000 }, async (t) => {
  const first = await startDemo({ name: `${t.name} (first)` });
  let second;
  t.after(async () => {
    await first.stop();
    await second?.stop();
  });
  const browser = await launch(t);
  const alice = await person(browser, first, "alice", "/?client=actioncable");
  await alice.join();

  await first.stop();
  await alice.page.locator("#state[data-state=reconnecting]").waitFor();
  await alice.sees("connection lost, reconnecting...");

  second = await startDemo({ name: `${t.name} (second)`, port: first.port });
  await alice.page.locator("#state[data-state=connected]", { hasText: "connected as alice" }).waitFor({ timeout: 40_000 });
  await alice.sees("connected again");
  await alice.page.locator("#log li", { hasText: "you joined the room" }).nth(1).waitFor();
  assert.equal(await broadcast(second, "comments:post:42", { body: "after the restart" }), 201);
  await alice.seesComment("after the restart");
  assert.deepEqual(await alice.lines(), ["you joined the room", "connection lost, reconnecting...", "connected again", "you joined the room"]);
  assert.deepEqual(alice.errors.filter((error) => !error.includes("WebSocket")), []);
});
