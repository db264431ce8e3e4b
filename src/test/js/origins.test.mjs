// Cross-site WebSocket hijacking in real headless Chromium: a person signed in to an application
// that identifies connections by the HTTP session visits a page of another origin (here, another
// port of the same host: the browser still sends the session cookie, since the site is the same).
// That page must not get the cable; the very same page served by the application must.
// JCABLE_SESSION_APP_URL: the root of such a deployment (IdentitiesIT's WAR), with
// POST session-login?user=NAME and the page at cable-page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.JCABLE_CHROMIUM || "/usr/bin/chromium";
const APP = process.env.JCABLE_SESSION_APP_URL;
const PAGE = readFileSync(new URL("../resources/origins/cable-page.html", import.meta.url));
const WELCOME = '{"type":"welcome"}';

/** The page opened at `url` with the app's cable; resolves with what it shows once the socket answered. */
async function firstFrame(context, url) {
  const page = await context.newPage();
  const cable = `ws${new URL("cable", APP).toString().slice(4)}`;
  await page.goto(`${url}?cable=${encodeURIComponent(cable)}`);
  await page.locator("#result").filter({ hasNotText: "connecting" }).waitFor({ timeout: 15_000 });
  return page.locator("#result").textContent();
}

test("a page of another origin cannot open the cable with the session; the application's own page can", { timeout: 60_000 }, async (t) => {
  assert.ok(APP, "JCABLE_SESSION_APP_URL names the application under test");
  const elsewhere = createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "text/html;charset=UTF-8" });
    response.end(PAGE);
  });
  await new Promise((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
  t.after(() => elsewhere.close());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  t.after(() => browser.close());
  const context = await browser.newContext();

  const login = await context.request.post(new URL("session-login?user=bob", APP).toString());
  assert.equal(login.status(), 204, "signed in: the session cookie is in the browser");
  assert.ok((await context.cookies(APP)).length > 0, "the application set its session cookie");

  const otherOrigin = `http://127.0.0.1:${elsewhere.address().port}/cable-page`;
  assert.notEqual(new URL(otherOrigin).origin, new URL(APP).origin);
  assert.equal(await firstFrame(context, otherOrigin), "closed 1006", "refused before the upgrade: no socket at all");
  assert.equal(await firstFrame(context, new URL("cable-page", APP).toString()), WELCOME,
    "the application's own page, with the same cookie, is identified and welcomed");
});
