// A person's path through the demo chat page (the official client, served by the demo) in real
// headless Chromium: two people in two browser contexts join the lobby and see each other.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startDemo } from "./demo-server.mjs";

const CHROMIUM = process.env.JCABLE_CHROMIUM || "/usr/bin/chromium";
const SCREENSHOT = fileURLToPath(new URL("../../../target/browser-chat.png", import.meta.url));
const WAIT_MS = 15_000;

/** A person at the demo page in a browser context of their own; page errors are kept to check none happened. */
async function person(browser, demo, name) {
  const context = await browser.newContext({ viewport: { width: 900, height: 760 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors = [];
  page.on("pageerror", (error) => errors.push(`${name}: ${error.message}`));
  page.on("console", (message) => { if (message.type() === "error") errors.push(`${name}: console: ${message.text()} (${message.location().url})`); });
  await page.goto(demo.http("/"));
  return {
    page,
    errors,
    /** The lines of the chat log, as the person reads them. */
    lines: () => page.locator("#log p").allTextContents(),
    sees: (text) => page.locator("#log p", { hasText: text }).waitFor(),
  };
}

test("two people chat in the lobby: message, away, status and leaving reach the other", { timeout: 120_000 }, async (t) => {
  const demo = await startDemo({ name: t.name });
  t.after(() => demo.stop());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  t.after(() => browser.close());
  const started = performance.now();

  const alice = await person(browser, demo, "alice");
  const bob = await person(browser, demo, "bob");
  for (const [who, name] of [[alice, "alice"], [bob, "bob"]]) {
    await who.page.getByPlaceholder("your name").fill(name);
    assert.equal(await who.page.getByPlaceholder("room").inputValue(), "lobby");
    await who.page.getByRole("button", { name: "Join" }).click();
  }
  for (const [who, name] of [[alice, "alice"], [bob, "bob"]]) {
    await who.page.locator("#state", { hasText: `connected as ${name}, room lobby` }).waitFor();
    await who.sees("joined");
  }

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

  // Alice comes back (Join again: a new connection) and is heard again.
  await alice.page.getByRole("button", { name: "Join" }).click();
  await alice.page.locator("#state", { hasText: "connected as alice, room lobby" }).waitFor();
  await alice.page.getByPlaceholder("say something").fill("back again");
  await alice.page.getByRole("button", { name: "Send" }).click();
  await Promise.all([alice.sees("alice: back again"), bob.sees("alice: back again")]);

  assert.deepEqual(await bob.lines(), ["joined", "alice: Hello from Alice <3", "alice is away", "alice is now busy",
    "alice left the room", "bob: anyone there?", "alice: back again"]);
  assert.deepEqual(await alice.lines(), ["joined", "alice: Hello from Alice <3", "alice is away", "alice is now busy",
    "you left the room", "joined", "alice: back again"]);
  assert.equal(await alice.page.locator("#log p.me").count(), 2, "Alice's own lines are marked as hers");
  assert.deepEqual([...alice.errors, ...bob.errors], []);
  t.diagnostic(`the two people's path took ${Math.round(performance.now() - started)} ms (demo started, browser launched)`);

  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  await bob.page.screenshot({ path: SCREENSHOT, fullPage: true });
});
