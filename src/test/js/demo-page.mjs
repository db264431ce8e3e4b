// The demo page in headless Chromium (Debian's, driven by playwright-core): a browser, and people
// at the page, each in a browser context of their own, as the page's tests see them.
import { chromium } from "playwright-core";

const CHROMIUM = process.env.JCABLE_CHROMIUM || "/usr/bin/chromium";
const WAIT_MS = 15_000;

/** Headless Chromium, closed after the test `t`. */
export async function launch(t) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  t.after(() => browser.close());
  return browser;
}

/**
 * A person at the demo page (`path`; by default with the official client's chat, whose rooms keep no presence
 * that could reach another test's room on a shared deployment) in a browser context of their own; page
 * errors are kept to check none happened.
 */
export async function person(browser, demo, name, path = "/?client=actioncable") {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const errors = [];
  page.on("pageerror", (error) => errors.push(`${name}: ${error.message}`));
  page.on("console", (message) => { if (message.type() === "error") errors.push(`${name}: console: ${message.text()} (${message.location().url})`); });
  await page.goto(demo.http(path));
  return {
    page,
    errors,
    /** The lines of the chat log as the person reads them, without their times. */
    lines: () => page.locator("#log li .text").allTextContents(),
    sees: (text) => page.locator("#log li", { hasText: text }).waitFor(),
    /** The comments panel's comments: author, time and body of each. */
    comments: () => page.locator("#comments .comment").evaluateAll((nodes) => nodes.map((node) => ({
      author: node.querySelector(".who").textContent, time: node.querySelector("time").textContent, body: node.querySelector("p").textContent,
    }))),
    seesComment: (text) => page.locator("#comments .comment", { hasText: text }).waitFor(),
    /** Joins `room` as `name` and waits until the room has confirmed the subscription (the page's own join notice). */
    async join(room = "lobby") {
      const joined = page.locator("#log li", { hasText: "you joined the room" });
      const before = await joined.count();
      await page.getByPlaceholder("your name").fill(name);
      await page.getByPlaceholder("room").fill(room);
      await page.getByRole("button", { name: "Join" }).click();
      await page.locator("#state", { hasText: `connected as ${name}` }).waitFor();
      await page.locator("#room-name", { hasText: `room ${room}` }).waitFor();
      await joined.nth(before).waitFor();
    },
  };
}
