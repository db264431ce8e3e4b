// The standalone example's page (src/examples/standalone/index.html) in headless Chromium, served on
// another port than the example server, as the README's tutorial runs it: from its allowed origin,
// http://localhost:5173, it chats; the same page from http://127.0.0.1:5173 (another origin) is
// refused at the handshake and never hears the server. ExamplesIT starts the server first and sets
// JCABLE_EXAMPLE_DIR to the built example (with node_modules beside index.html).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.JCABLE_CHROMIUM || "/usr/bin/chromium";
const DIR = process.env.JCABLE_EXAMPLE_DIR;
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript" };
const WAIT_MS = 15_000;

/** What `npx http-server -p 5173` does for the page: the example's directory as static files. */
async function servePage() {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://page").pathname));
    try {
      const body = await readFile(join(DIR, path === "/" ? "index.html" : path));
      response.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? TYPES[".html"] }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(5173, "127.0.0.1", resolve));
  return server;
}

test("the tutorial's page on another port chats from its allowed origin, and is refused from any other", { timeout: 60_000 }, async (t) => {
  assert.ok(DIR, "JCABLE_EXAMPLE_DIR names the built standalone example: run through ExamplesIT (mvn verify)");
  const files = await servePage();
  t.after(() => files.close());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  t.after(() => browser.close());

  const open = async (url) => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(WAIT_MS);
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const frames = [];
    page.on("websocket", (socket) => socket.on("framereceived", (frame) => frames.push(frame.payload)));
    await page.goto(url);
    return { page, errors, frames };
  };

  const allowed = await open("http://localhost:5173/?token=alice-token");
  await allowed.page.getByPlaceholder("say something").fill("Hello from the page");
  // Send is enabled once the subscription is confirmed (the page's connected callback).
  await allowed.page.getByRole("button", { name: "Send" }).click();
  await allowed.page.locator("#lines li", { hasText: "alice: Hello from the page" }).waitFor();
  assert.deepEqual(allowed.errors, []);

  const foreign = await open("http://127.0.0.1:5173/?token=bob-token");
  await foreign.page.waitForTimeout(2_000);
  assert.deepEqual(foreign.frames, [], "a page from an origin that is not allowed gets no welcome, nothing");
  assert.equal(await foreign.page.getByRole("button", { name: "Send" }).isDisabled(), true);
  await allowed.page.getByPlaceholder("say something").fill("still there?");
  await allowed.page.getByRole("button", { name: "Send" }).click();
  await allowed.page.locator("#lines li", { hasText: "alice: still there?" }).waitFor();
  assert.equal(await foreign.page.locator("#lines li").count(), 0);
});

