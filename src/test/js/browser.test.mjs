// People's paths through the demo page (the official client, served by the demo) in real headless
// Chromium: two people in two browser contexts chat, see each other join and leave, each line
// stamped with the time it arrived; the comments panel shows what is broadcast to its post,
// the page's own curl command included; @hotwired/turbo renders the <turbo-stream>s of its post.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import jwt from "jsonwebtoken";
import { SECRET, broadcast, startDemo } from "./demo-server.mjs";
import { launch, person } from "./demo-page.mjs";

const SCREENSHOT = fileURLToPath(new URL("../../../target/browser-chat.png", import.meta.url));
const TURBO_SCREENSHOT = fileURLToPath(new URL("../../../target/browser-turbo.png", import.meta.url));
const CLOCK = /^\d\d:\d\d:\d\d$/;

/** Every line of the log has a time of day, stamped (datetime) between `since` and now. */
async function assertStamped(who, since) {
  const stamps = await who.page.locator("#log li").evaluateAll((lines) => lines.map((line) => {
    const time = line.querySelector("time");
    return time && { text: time.textContent, at: Date.parse(time.dateTime) };
  }));
  assert.ok(stamps.length > 0);
  for (const stamp of stamps) {
    assert.match(stamp?.text ?? "no <time>", CLOCK);
    assert.ok(stamp.at >= since - 1000 && stamp.at <= Date.now(), `stamped ${new Date(stamp.at).toISOString()}`);
  }
}

test("two people chat in the lobby: joins, messages, away, status and leaving reach the other, stamped with their time", { timeout: 120_000 }, async (t) => {
  const demo = await startDemo({ name: t.name });
  t.after(() => demo.stop());
  const browser = await launch(t);
  const started = performance.now();
  const since = Date.now();

  // The official client's chat (person's default): its notices and lines, exactly as Rails' page would have them.
  const alice = await person(browser, demo, "alice");
  const bob = await person(browser, demo, "bob");
  assert.equal(await alice.page.getByPlaceholder("room").inputValue(), "lobby");
  assert.equal(await alice.page.getByRole("button", { name: "Open a second window" }).isVisible(), true);
  await alice.join();
  await bob.join();
  await alice.sees("bob joined the room");

  await alice.page.getByPlaceholder("say something").fill("Hello from Alice <3");
  await alice.page.getByRole("button", { name: "Send" }).click();
  await Promise.all([alice.sees("alice: Hello from Alice <3"), bob.sees("alice: Hello from Alice <3")]);
  assert.equal(await alice.page.getByPlaceholder("say something").inputValue(), "", "the input is cleared after sending");

  await alice.page.getByRole("button", { name: "I'm away" }).click();
  await bob.sees("alice is away");
  await alice.page.getByLabel("status").selectOption("busy");
  await bob.sees("alice is now busy");
  await alice.page.getByRole("button", { name: "Leave room" }).click();
  await bob.sees("alice left the room");
  await alice.sees("you left the room");
  assert.equal(await alice.page.getByPlaceholder("say something").isVisible(), false, "no send box while in no room");
  assert.equal(await alice.page.getByRole("button", { name: "I'm away" }).isVisible(), false);

  // Bob talks on; Alice, gone, does not hear it. Bob's own line proves the broadcast went out.
  await bob.page.getByPlaceholder("say something").fill("anyone there?");
  await bob.page.getByPlaceholder("say something").press("Enter");
  await bob.sees("bob: anyone there?");
  await alice.page.waitForTimeout(500);

  // Alice comes back (Join again) and is heard again.
  await alice.join();
  await bob.sees("alice joined the room");
  await alice.page.getByPlaceholder("say something").fill("back again");
  await alice.page.getByRole("button", { name: "Send" }).click();
  await Promise.all([alice.sees("alice: back again"), bob.sees("alice: back again")]);

  assert.deepEqual(await bob.lines(), ["you joined the room", "alice: Hello from Alice <3", "alice is away", "alice is now busy",
    "alice left the room", "bob: anyone there?", "alice joined the room", "alice: back again"]);
  assert.deepEqual(await alice.lines(), ["you joined the room", "bob joined the room", "alice: Hello from Alice <3", "you are away",
    "you are now busy", "you left the room", "you joined the room", "alice: back again"]);
  assert.equal(await alice.page.locator("#log li.mine").count(), 2, "Alice's own lines are marked as hers");
  assert.equal(await bob.page.locator("#log li.mine").count(), 1);
  await assertStamped(alice, since);
  await assertStamped(bob, since);

  // Bob closes his window: Alice is told he left.
  await bob.page.context().close();
  await alice.sees("bob left the room");
  assert.deepEqual(alice.errors, []);
  assert.deepEqual(bob.errors, []);
  t.diagnostic(`the two people's path took ${Math.round(performance.now() - started)} ms (demo started, browser launched)`);

  assert.equal(await broadcast(demo, "comments:post:42", { body: "Nice post!", author: "carol" }), 201);
  await alice.seesComment("Nice post!");
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await alice.page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test("the comments panel shows what is broadcast to its post, from the page's own curl command too, and nothing of other posts", { timeout: 120_000 }, async (t) => {
  const demo = await startDemo({ name: t.name });
  t.after(() => demo.stop());
  const browser = await launch(t);
  const since = Date.now();

  const reader = await person(browser, demo, "dave");
  const other = await person(browser, demo, "erin", "/?post=7");
  for (const [who, post] of [[reader, "42"], [other, "7"]]) {
    await who.page.locator("#state[data-state=connected]").waitFor(); // before anyone joins: a guest's connection
    assert.equal(await who.page.locator("#post-id").textContent(), post);
    assert.equal(await who.page.locator("#post-stream").textContent(), `comments:post:${post}`);
  }

  // The command the page shows, run as a person pastes it into a shell.
  const curl = await reader.page.locator("#curl").textContent();
  assert.match(curl, /^curl -X POST http:\/\/\S+\/_broadcast /);
  const { stdout } = await promisify(execFile)("sh", ["-c", `${curl} -s -o /dev/null -w '%{http_code}'`]);
  assert.equal(stdout, "201");
  await reader.seesComment("Hello from curl");

  assert.equal(await broadcast(demo, "comments:post:7", { body: "About post 7", author: "frank" }), 201);
  await other.seesComment("About post 7");
  assert.equal(await broadcast(demo, "comments:post:42", "a plain string"), 201);
  await reader.seesComment("a plain string");

  // Joining the chat opens a connection under the person's name: the panel follows the post on it.
  await reader.join();
  assert.equal(await broadcast(demo, "comments:post:42", { body: "Still here", user: "gina" }), 201);
  await reader.seesComment("Still here");

  const readerComments = await reader.comments();
  assert.deepEqual(readerComments.map(({ author, body }) => [author, body]),
    [["server broadcast", "Hello from curl"], ["server broadcast", "a plain string"], ["gina", "Still here"]]);
  assert.deepEqual((await other.comments()).map(({ author, body }) => [author, body]), [["frank", "About post 7"]]);
  for (const { time } of [...readerComments, ...await other.comments()]) assert.match(time, CLOCK);
  assert.ok(Date.parse(await reader.page.locator("#comments time").first().getAttribute("datetime")) >= since - 1000);
  assert.deepEqual([...reader.errors, ...other.errors], []);
});

test("Turbo Streams: a <turbo-stream> broadcast to the post's signed stream is rendered by @hotwired/turbo on that post's page only, once, before and after joining", { timeout: 120_000 }, async (t) => {
  const demo = await startDemo({ name: t.name });
  t.after(() => demo.stop());
  const browser = await launch(t);
  const reader = await person(browser, demo, "hana");
  const other = await person(browser, demo, "ivan", "/?post=7");
  const source = (who) => who.page.locator("turbo-cable-stream-source[connected]");
  for (const who of [reader, other]) {
    await source(who).waitFor({ state: "attached" }); // Turbo marks its stream source connected once confirmed
    assert.equal(await who.page.locator("turbo-cable-stream-source").getAttribute("channel"), "Turbo::StreamsChannel");
  }
  const append = (id, text) => `<turbo-stream action="append" target="comments"><template><article class="turbo-comment" id="${id}"><p>${text}</p></article></template></turbo-stream>`;

  assert.equal(await broadcast(demo, "comments:post:42", append("t1", "Rendered by Turbo")), 201);
  await reader.page.locator("#comments #t1", { hasText: "Rendered by Turbo" }).waitFor();

  // A new connection under the person's name: the stream source follows it, and still renders each one once.
  await reader.join();
  await source(reader).waitFor({ state: "attached" });
  assert.equal(await reader.page.locator("turbo-cable-stream-source").count(), 1);
  assert.equal(await broadcast(demo, "comments:post:42", append("t2", "Still rendered")), 201);
  assert.equal(await broadcast(demo, "comments:post:42", { body: "A JSON comment", author: "jo" }), 201);
  await reader.page.locator("#comments #t2").waitFor();
  await reader.seesComment("A JSON comment");
  assert.deepEqual(await reader.page.locator("#comments .turbo-comment").evaluateAll((nodes) => nodes.map((node) => `${node.id} ${node.textContent}`)),
    ["t1 Rendered by Turbo", "t2 Still rendered"]);
  // The CommentsChannel subscription saw the <turbo-stream> strings too: it leaves them to Turbo.
  assert.deepEqual((await reader.comments()).map(({ body }) => body), ["A JSON comment"]);
  // The page's own comment form: the server renders the comment and Turbo appends it, its text as text.
  await reader.page.getByPlaceholder("add a comment").fill("Typed <b>here</b>");
  await reader.page.getByRole("button", { name: "Comment" }).click();
  await reader.seesComment("Typed <b>here</b>");
  assert.deepEqual((await reader.comments()).map(({ author, body }) => [author, body]),
    [["jo", "A JSON comment"], ["hana", "Typed <b>here</b>"]]);
  assert.equal(await reader.page.locator("#comments b").count(), 0, "no markup from what people type");
  assert.equal(await reader.page.getByPlaceholder("add a comment").inputValue(), "");
  await reader.page.screenshot({ path: TURBO_SCREENSHOT, fullPage: true });

  assert.equal(await broadcast(demo, "comments:post:7", append("t3", "For post 7")), 201);
  await other.page.locator("#comments #t3").waitFor();
  assert.equal(await other.page.locator("#comments .turbo-comment").count(), 1, "post 7 sees only its own");
  assert.equal(await other.page.locator("#comments .comment").count(), 0);
  assert.equal(await reader.page.locator("#t3").count(), 0);
  assert.deepEqual([...reader.errors, ...other.errors], []);
});

/** Waits until the async `condition()` holds, checking every 50 ms; fails with `what` after 10 s. */
async function eventually(condition, what) {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A stream name signed as turbo-rails signs it, with the demo's key. */
function signed(name, key = "demo-turbo-key") {
  const data = Buffer.from(JSON.stringify(name)).toString("base64");
  return `${data}--${createHmac("sha256", key).update(data).digest("hex")}`;
}

test("<turbo-stream-source> over Server-Sent Events: @hotwired/turbo applies each broadcast, and after the server drops the stream the browser comes back with Last-Event-ID and gets exactly what it missed", { timeout: 120_000 }, async (t) => {
  const demo = await startDemo({ name: t.name, main: "io.jcable.testing.DemoServer" });
  t.after(() => demo.stop());
  const openStreams = async () => (await (await fetch(demo.http("/_probe/state"))).json()).eventStreams;
  const browser = await launch(t);
  const reader = await person(browser, demo, "jun");
  const lastEventIds = [];
  reader.page.on("request", (request) => {
    // allHeaders: what Chromium sent, Last-Event-ID included (headers() has only what the page set)
    if (request.url().includes("/events?")) lastEventIds.push(request.allHeaders().then((headers) => headers["last-event-id"] ?? null));
  });
  await reader.page.evaluate((src) => {
    const target = document.createElement("section");
    target.id = "sse-comments";
    const source = document.createElement("turbo-stream-source");
    source.setAttribute("src", src);
    document.body.append(target, source);
  }, demo.http(`/events?turbo_signed_stream_name=${encodeURIComponent(signed("comments:post:99"))}`));
  const append = (id) => `<turbo-stream action="append" target="sse-comments"><template><p class="sse" id="${id}">${id}</p></template></turbo-stream>`;
  await eventually(async () => (await openStreams()) === 1, "the page's event stream");

  assert.equal(await broadcast(demo, "comments:post:99", append("e1")), 201);
  await reader.page.locator("#sse-comments #e1").waitFor();

  assert.equal((await fetch(demo.http("/_probe/events/close"), { method: "POST" })).status, 204);
  await eventually(async () => (await openStreams()) === 0, "the stream closed by the server");
  assert.equal(await broadcast(demo, "comments:post:99", append("e2")), 201); // while the browser waits to reconnect
  assert.equal(await broadcast(demo, "comments:post:99", append("e3")), 201);
  await reader.page.locator("#sse-comments #e3").waitFor({ timeout: 15_000 });
  assert.equal(await broadcast(demo, "comments:post:99", append("e4")), 201);
  await reader.page.locator("#sse-comments #e4").waitFor();

  assert.deepEqual(await reader.page.locator("#sse-comments .sse").evaluateAll((nodes) => nodes.map((node) => node.id)),
    ["e1", "e2", "e3", "e4"], "each once, in order");
  const sent = await Promise.all(lastEventIds);
  assert.equal(sent.length, 2, "one reconnect");
  assert.equal(sent[0], null);
  assert.match(sent[1] ?? "none", /^\d+\/comments:post:99\/[\w-]+$/, "the reconnect names the last event it had");
  assert.deepEqual(reader.errors, []);
});

const NODE_MODULES = fileURLToPath(new URL("./node_modules/", import.meta.url));

/** The demo's token for `user`. */
const token = (user) => jwt.sign({ id: user }, SECRET, { algorithm: "HS256", expiresIn: "1h" });

/** A page of an application that uses @anycable/web and @anycable/turbo-stream, its modules served from node_modules (no CDN). */
function anycableTurboPage(demo, cableUrl, signedName) {
  const vendor = (path) => demo.http(`/vendor/${path}`);
  const imports = {
    "@hotwired/turbo": vendor("@hotwired/turbo/dist/turbo.es2017-esm.js"),
    "@anycable/web": vendor("@anycable/web/index.js"),
    "@anycable/core": vendor("@anycable/core/index.js"),
    "@anycable/turbo-stream": vendor("@anycable/turbo-stream/index.js"),
    "nanoevents": vendor("nanoevents/index.js"),
  };
  return `<!doctype html><html><head><title>@anycable/turbo-stream</title>
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module">
  import "@hotwired/turbo";
  import { createCable } from "@anycable/web";
  import { start } from "@anycable/turbo-stream";
  const cable = createCable(${JSON.stringify(cableUrl)}, { protocol: "actioncable-v1-ext-json", logLevel: "error" });
  start(cable);
  window.cable = cable;
</script></head><body>
<section id="comments"></section>
<turbo-cable-stream-source channel="Turbo::StreamsChannel" signed-stream-name="${signedName}"></turbo-cable-stream-source>
</body></html>`;
}

test("@anycable/web with @anycable/turbo-stream: its <turbo-cable-stream-source> subscribes over the extended protocol and renders what is broadcast to its signed stream", { timeout: 120_000 }, async (t) => {
  const demo = await startDemo({ name: t.name });
  t.after(() => demo.stop());
  const browser = await launch(t);
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route(`${demo.http("/vendor/")}**`, (route) => route.fulfill({
    path: NODE_MODULES + route.request().url().slice(demo.http("/vendor/").length),
    contentType: "text/javascript",
  }));
  // The page is written into a document the demo served (its plain 404 page: an application's page
  // stands in for it): a document the test fulfilled itself would have no address, and Chromium's
  // local network access checks would keep it from opening a WebSocket to 127.0.0.1.
  await page.goto(demo.http("/anycable-turbo"));
  await page.setContent(anycableTurboPage(demo, demo.cable(token("kai")), signed("comments:post:5")));
  await page.locator("turbo-cable-stream-source[connected]").waitFor({ state: "attached" });
  assert.match(await page.evaluate(() => window.cable.sessionId), /^[\w-]{16,}$/, "welcomed with a session id: the extended protocol");

  const append = `<turbo-stream action="append" target="comments"><template><p id="a1">From AnyCable's element</p></template></turbo-stream>`;
  assert.equal(await broadcast(demo, "comments:post:5", append), 201);
  await page.locator("#comments #a1").waitFor();
  assert.equal(await broadcast(demo, "comments:post:6", append.replace("a1", "a2")), 201);
  assert.equal(await broadcast(demo, "comments:post:5", append.replace("a1", "a3")), 201);
  await page.locator("#comments #a3").waitFor();
  assert.deepEqual(await page.locator("#comments p").evaluateAll((nodes) => nodes.map((node) => node.id)), ["a1", "a3"]);
  assert.deepEqual(errors, []);
});

test("Turbo 8's actions from the signed stream in Chromium: replace, update, remove, before, after, targets, morph and refresh; a tampered element never connects; a removed one unsubscribes", { timeout: 120_000 }, async (t) => {
  const demo = await startDemo({ name: t.name });
  t.after(() => demo.stop());
  const browser = await launch(t);
  const reader = await person(browser, demo, "lea", "/"); // at "/": the refresh below is a fetch of exactly that URL
  const page = reader.page;
  await page.locator("turbo-cable-stream-source[connected]").waitFor({ state: "attached" });
  await page.evaluate(() => {
    const ops = document.createElement("section");
    ops.id = "ops";
    ops.innerHTML = `<p id="r">old r</p><div id="u"><b>old u</b></div><p id="gone">gone</p><p id="anchor">anchor</p>
      <p class="many">m1</p><p class="many">m2</p><div id="m"><span>old morph</span></div>`;
    document.body.append(ops);
    document.getElementById("m").keptNode = true; // a morph keeps this node, a replace would not
  });
  const stream = (action, target, html = "", extra = "") =>
    `<turbo-stream action="${action}" ${target.startsWith(".") ? `targets="${target}"` : `target="${target}"`}${extra}><template>${html}</template></turbo-stream>`;
  const send = async (html) => assert.equal(await broadcast(demo, "comments:post:42", html), 201);

  await send(stream("replace", "r", `<p id="r2">replaced</p>`));
  await send(stream("update", "u", "updated"));
  await send(stream("remove", "gone"));
  await send(stream("before", "anchor", `<p id="b">before</p>`));
  await send(stream("after", "anchor", `<p id="a">after</p>`));
  await send(stream("append", ".many", `<i>+</i>`));
  await send(stream("replace", "m", `<div id="m"><span>morphed</span></div>`, ` method="morph"`));
  await page.locator("#ops #m span", { hasText: "morphed" }).waitFor();
  assert.deepEqual(await page.locator("#ops > *").evaluateAll((nodes) => nodes.map((node) => `${node.id || node.className}:${node.textContent}`)),
    ["r2:replaced", "u:updated", "b:before", "anchor:anchor", "a:after", "many:m1+", "many:m2+", "m:morphed"]);
  assert.equal(await page.evaluate(() => document.getElementById("m").keptNode), true, "morphed in place");

  // A tampered name: the server rejects it, and Turbo never marks the element connected.
  await page.evaluate(() => {
    const source = document.createElement("turbo-cable-stream-source");
    source.id = "tampered";
    source.setAttribute("channel", "Turbo::StreamsChannel");
    source.setAttribute("signed-stream-name", "ImNvbW1lbnRzOnBvc3Q6NDIi--0000");
    document.body.append(source);
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(await page.locator("#tampered[connected]").count(), 0);

  // refresh: the page fetches itself again and renders what the server sends (the section above was only in this copy).
  const refetched = new Promise((resolve) => page.on("request", (request) => {
    if (request.url() === demo.http("/") && request.resourceType() === "fetch") resolve(true);
  }));
  await send(`<turbo-stream action="refresh"></turbo-stream>`);
  assert.equal(await refetched, true);
  await page.locator("#ops").waitFor({ state: "detached" });
  await page.locator("turbo-cable-stream-source[connected]").waitFor({ state: "attached" });

  // Removing the element unsubscribes: what the stream gets afterwards is not applied.
  await page.evaluate(() => document.querySelector("turbo-cable-stream-source").remove());
  await new Promise((resolve) => setTimeout(resolve, 500));
  await send(`<turbo-stream action="append" target="comments"><template><p id="late">late</p></template></turbo-stream>`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(await page.locator("#late").count(), 0);
  assert.deepEqual(reader.errors, []);
});
