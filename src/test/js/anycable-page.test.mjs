// The demo page's chat on @anycable/web (its default) in real headless Chromium: who is online and who
// is typing (presence and whispers), and a connection dropped while the room goes on talking that comes
// back with every missed line once, in order, without anyone seeing its person leave.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, connect } from "node:net";
import { broadcast, startDemo } from "./demo-server.mjs";
import { launch, person } from "./demo-page.mjs";
import { quiet, until } from "./official-client.mjs";

async function demoFor(t) {
  const demo = await startDemo({ name: t.name });
  t.after(() => demo.stop());
  return demo;
}

/**
 * A TCP proxy in front of the demo: the page is loaded through it, and `cut()` destroys every connection
 * it carries, as a lost network does: no close frame, the sockets are just gone.
 */
async function proxyTo(demo, t) {
  const pairs = new Set();
  const server = createServer((client) => {
    const upstream = connect({ host: "127.0.0.1", port: demo.port });
    const pair = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream).pipe(client);
    const forget = () => { pairs.delete(pair); client.destroy(); upstream.destroy(); };
    client.on("error", forget).on("close", forget);
    upstream.on("error", forget).on("close", forget);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => new Promise((resolve) => { pairs.forEach(([a, b]) => { a.destroy(); b.destroy(); }); server.close(resolve); }));
  const port = server.address().port;
  return {
    http: (path) => `http://127.0.0.1:${port}${path}`,
    cut() {
      const cut = pairs.size;
      pairs.forEach(([client, upstream]) => { client.resetAndDestroy(); upstream.resetAndDestroy(); });
      return cut;
    },
  };
}

/**
 * Broadcasts 40 lines to `room` while `cut` drops the person's connection after the fifth; the person
 * must be told the connection was lost, then come back restored, with every line once, in order.
 */
async function dropWhileTheRoomTalks(demo, room, who, cut) {
  const total = 40;
  const sender = (async () => {
    for (let n = 1; n <= total; n++) {
      assert.equal(await broadcast(demo, `chat_${room}`, { message: `line ${n}`, current_user_id: "server" }), 201);
      await quiet(40);
    }
  })();
  await who.sees("server: line 5");
  await cut();
  await who.sees("connection lost, reconnecting...");
  await sender;
  await who.sees(`server: line ${total}`);
  await who.sees("connected again: session restored, nothing missed");
  await quiet(300);
  const said = (await who.lines()).filter((line) => line.startsWith("server: "));
  assert.deepEqual(said, Array.from({ length: total }, (_, i) => `server: line ${i + 1}`), "every line once, in order");
}

/** The names in a person's "online" list. */
const online = (who) => who.page.locator("#online li").allTextContents();

/** Milliseconds until `condition` (polled every 20 ms) holds; fails past `limit`. */
async function within(limit, condition, what) {
  const started = performance.now();
  await until(condition, what, limit);
  return performance.now() - started;
}

test("the demo page on @anycable/web: two people see who is online and who is typing, each within a second", { timeout: 120_000 }, async (t) => {
  const demo = await demoFor(t);
  const browser = await launch(t);
  const alice = await person(browser, demo, "alice", "/");
  const bob = await person(browser, demo, "bob", "/");
  await alice.join("online");
  await until(async () => (await online(alice)).includes("alice (you)"), "alice in her own list");
  await bob.join("online");

  const seen = await within(1000, async () => (await online(alice)).includes("bob"), "bob in alice's list");
  assert.deepEqual((await online(bob)).sort(), ["alice", "bob (you)"]);
  t.diagnostic(`bob appeared in alice's list ${seen.toFixed(0)} ms after his join was confirmed`);

  await bob.page.getByPlaceholder("say something").pressSequentially("hel");
  const typed = await within(1000, async () => (await alice.page.locator("#typing").textContent()) === "bob is typing...", "alice sees bob typing");
  t.diagnostic(`"bob is typing..." ${typed.toFixed(0)} ms after his keystrokes`);
  assert.equal(await bob.page.locator("#typing").textContent(), "", "a whisper never comes back to its sender");
  await bob.page.getByPlaceholder("say something").press("Enter");
  await alice.sees("bob: hel");
  assert.equal(await alice.page.locator("#typing").textContent(), "", "a line said ends its typing");

  await alice.page.getByRole("button", { name: "Leave room" }).click();
  await within(1000, async () => !(await online(bob)).includes("alice"), "alice gone from bob's list");
  assert.deepEqual(alice.errors, []);
  assert.deepEqual(bob.errors, []);
});

test("the demo page's Drop connection: the chat comes back, restores its session and shows every line said meanwhile once, in order; nobody sees its person leave", { timeout: 120_000 }, async (t) => {
  const demo = await demoFor(t);
  const browser = await launch(t);
  const alice = await person(browser, demo, "alice", "/");
  const bob = await person(browser, demo, "bob", "/");
  await alice.join("recover");
  await bob.join("recover");
  await until(async () => (await online(bob)).includes("alice"), "alice in bob's list");
  const bobSawLeave = bob.page.evaluate(() => new Promise((resolve) => {
    const list = document.querySelector("#online");
    new MutationObserver(() => { if (![...list.children].some((li) => li.textContent === "alice")) resolve(true); })
      .observe(list, { childList: true, subtree: true });
    setTimeout(() => resolve(false), 8000);
  }));

  await dropWhileTheRoomTalks(demo, "recover", alice, () => alice.page.getByRole("button", { name: "Drop connection" }).click());
  assert.equal(await bobSawLeave, false, "alice never left bob's list: her presence was restored with her session");
  assert.deepEqual(alice.errors.filter((error) => !error.includes("WebSocket")), []);
});

test("a connection lost at the network level in Chromium (its TCP connections reset, no close frame) while the room talks: every line once, in order", { timeout: 120_000 }, async (t) => {
  const demo = await demoFor(t);
  const proxy = await proxyTo(demo, t);
  const browser = await launch(t);
  const alice = await person(browser, proxy, "alice", "/");
  await alice.join("network");

  await dropWhileTheRoomTalks(demo, "network", alice, () => assert.ok(proxy.cut() > 0, "connections were cut"));
});
