// Starts and stops JCable's demo application (docs/DEMO.md) as its own JVM, the way a
// deployment runs it: `java -cp $JCABLE_CLASSPATH io.jcable.demo.DemoApp`, configured by CABLE_* variables.
// With JCABLE_DEMO_URL set (the root of the demo WAR on WildFly or Payara), the tests use that
// deployment instead: the container owns it, so nothing is started or stopped.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const SECRET = "demo-secret";
export const BROADCAST_KEY = "demo-key";

const JAVA = process.env.JCABLE_JAVA || "java";
const CLASSPATH = process.env.JCABLE_CLASSPATH;
/** Each demo JVM's stdout and stderr go to a file here (the Maven build directory). */
export const LOG_DIR = process.env.JCABLE_LOG_DIR || fileURLToPath(new URL("../../../target/js-demo-logs/", import.meta.url));
const READY = /JCable demo: open http:\/\/127\.0\.0\.1:(\d+)\//;
const DEPLOYED = process.env.JCABLE_DEMO_URL;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

const running = new Set();
// A test that throws must not leave a JVM behind holding its port.
process.on("exit", () => running.forEach((child) => child.kill("SIGKILL")));

/**
 * Starts the demo on `port` (0: a free port chosen by the server, read back from its ready line) and
 * resolves once it prints its ready line and accepts TCP connections.
 * `name` names its log file (unique per test: a later start with the same name overwrites it);
 * `main` may be io.jcable.testing.DemoServer, the demo with the tests' probe (/_probe/*).
 */
export async function startDemo({ name = "demo", port = 0, env = {}, main = "io.jcable.demo.DemoApp" } = {}) {
  if (DEPLOYED) {
    return deployedDemo(DEPLOYED);
  }
  if (!CLASSPATH) {
    throw new Error("JCABLE_CLASSPATH is not set: run these tests through OfficialClientIT (mvn verify), "
      + "or set it to the Maven test classpath (target/test-classes, target/classes and the dependencies)");
  }
  mkdirSync(LOG_DIR, { recursive: true });
  const safe = name.replace(/[^\w.-]+/g, "-");
  const logFile = join(LOG_DIR, `${safe.length > 100 ? `${safe.slice(0, 60)}--${safe.slice(-38)}` : safe}.log`);
  const log = createWriteStream(logFile);
  // C1 only: the demo is ready ~20% sooner (1.0 s instead of 1.2 s here); these tests are not benchmarks.
  const child = spawn(JAVA, ["-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", CLASSPATH, main], {
    env: { ...process.env, CABLE_PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => {
    running.delete(child);
    resolve({ code, signal });
  }));
  let output = "";
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo not ready after ${START_TIMEOUT_MS} ms; log: ${logFile}\n${output}`)),
      START_TIMEOUT_MS);
    const onData = (chunk) => {
      log.write(chunk);
      output += chunk;
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`demo exited (${code ?? signal}) before it was ready; log: ${logFile}\n${output}`));
    });
    child.once("error", reject);
  });
  let actualPort;
  try {
    actualPort = await ready;
    await acceptsConnections(actualPort);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  output = ""; // only kept until ready, for the error message
  return {
    port: actualPort,
    logFile,
    http: (path) => `http://127.0.0.1:${actualPort}${path}`,
    cable: (token) => `ws://127.0.0.1:${actualPort}/cable?token=${encodeURIComponent(token)}`,
    /** Stops the JVM as a deployment does (SIGTERM: a graceful stop); resolves with its exit. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await exited.finally(() => clearTimeout(timer));
      }
      await new Promise((resolve) => log.end(resolve));
      return exited;
    },
  };
}

/** The demo WAR at `url` (its root): the same handle as a started demo, whose stop leaves the deployment alone. */
function deployedDemo(url) {
  const root = new URL(url.endsWith("/") ? url : `${url}/`);
  const http = (path) => new URL(path.replace(/^\//, ""), root).toString();
  return {
    port: Number(root.port),
    logFile: null,
    http,
    cable: (token) => `ws${http("cable").slice(4)}?token=${encodeURIComponent(token)}`,
    async stop() {
      return { code: null, signal: null };
    },
  };
}

async function acceptsConnections(port) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const socket = connect({ host: "127.0.0.1", port }, () => { socket.end(); resolve(true); });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`port ${port} does not accept connections`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** POST /_broadcast with the demo's key (or `key`); resolves with the HTTP status. */
export async function broadcast(demo, stream, data, { key = BROADCAST_KEY } = {}) {
  const response = await fetch(demo.http("/_broadcast"), {
    method: "POST",
    headers: { "Authorization": `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ stream, data: JSON.stringify(data) }),
  });
  await response.arrayBuffer();
  return response.status;
}
