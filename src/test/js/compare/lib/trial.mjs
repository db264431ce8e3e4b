// One run of one scenario against one server: the connections it opens, the frames it sends and
// receives, HTTP exchanges, and everything recorded, per "section" (usually one per connection).
import WebSocket from 'ws';
import net from 'node:net';
import http from 'node:http';
import crypto from 'node:crypto';
import { canonicalJson } from './json.mjs';

const PING = /^\{"type":"ping","message":(-?\d+)\}$/;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A text for humans: invisible characters shown as ⟨U+XXXX⟩; long frames cut, with length and digest. */
export function shorten(text, max = 400) {
  text = visible(text);
  if (text.length <= max) return text;
  const digest = crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
  return `${text.slice(0, 160)}…(${Buffer.byteLength(text)} bytes, sha256 ${digest})`;
}

const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u00ad\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(text) {
  return text.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * One recorded item. k: send | recv | close | handshake | http | summary | info | error.
 * bytes: what is compared byte for byte; json: its canonical forms when it is JSON (compared when
 * the bytes differ); text: what is printed. Items of kind info are printed but never compared.
 */
export function item(k, text, { bytes = text } = {}) {
  const json = (k === 'recv' || k === 'send') ? canonicalJson(bytes) : null;
  return { k, text, bytes, json };
}

export class Trial {
  constructor(server, options) {
    this.server = server; // { label, ws: 'ws://host:port', http: 'http://host:port' }
    this.options = options; // { secret, key, origin, quietMs }
    this.sections = new Map();
    this.unordered = new Set();
    this.clients = [];
    this.lastActivity = Date.now();
    this.pings = []; // { conn, at, text }
    this.recording = true; // off once the scenario is over: its teardown is not compared
  }

  log(section, entry) {
    if (!this.recording) return entry;
    if (!this.sections.has(section)) this.sections.set(section, []);
    this.sections.get(section).push(entry);
    return entry;
  }

  info(section, text) {
    this.log(section, item('info', text));
  }

  /** Records a line that must be the same on both servers (a summary the scenario computed). */
  summary(section, text) {
    this.log(section, item('summary', text));
  }

  /** Compare this section's received frames as a multiset: the server may order them either way. */
  unorderedSection(section) {
    this.unordered.add(section);
  }

  touch() {
    this.lastActivity = Date.now();
  }

  /** Waits until nothing arrived for quietMs (at least quietMs from now), at most maxMs. */
  async settle(quietMs = this.options.quietMs, maxMs = 8000) {
    const start = Date.now();
    this.lastActivity = Math.max(this.lastActivity, start);
    while (Date.now() - this.lastActivity < quietMs && Date.now() - start < maxMs) {
      await sleep(25);
    }
  }

  /** Waits until predicate() holds, at most ms. Returns whether it held. */
  async until(predicate, ms = 5000) {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > ms) return false;
      await sleep(10);
    }
    return true;
  }

  sleep(ms) {
    return sleep(ms);
  }

  /** Opens a WebSocket (package ws) and waits for its first frame (welcome or disconnect) or its end. */
  async connect(name, opts = {}) {
    const client = new Client(this, name, opts);
    this.clients.push(client);
    await client.opened;
    if (client.open) await this.until(() => client.frames.length > 0 || !client.open, opts.firstFrameMs ?? 3000);
    return client;
  }

  /** A raw TCP client that performs the upgrade by hand: exact status, headers, frames and close. */
  async rawUpgrade(name, opts = {}) {
    return rawUpgrade(this, name, opts);
  }

  /** One HTTP request; records status, body and (as info) the Content-Type. */
  async http(name, { method = 'GET', path = '/', headers = {}, body, record = {} } = {}) {
    const url = new URL(path, this.server.http);
    const result = await new Promise((resolve) => {
      const req = http.request(url, { method, headers, agent: false }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ error: e.message }));
      });
      req.setTimeout(5000, () => req.destroy(new Error('no response within 5 s')));
      req.on('error', (e) => resolve({ error: e.message }));
      if (body !== undefined) req.write(body);
      req.end();
    });
    this.touch();
    const label = `${method} ${path}`;
    if (result.error) {
      this.log(name, item('http', `${label} → error: ${result.error}`));
      return result;
    }
    this.log(name, item('http', `${label} → ${result.status}`));
    if (record.body !== false) this.log(name, item('http', `body ${JSON.stringify(shorten(result.body, 200))}`));
    else this.info(name, `body ${JSON.stringify(shorten(result.body, 200))}`);
    for (const header of record.headers ?? []) {
      this.log(name, item('http', `${header}: ${result.headers[header.toLowerCase()] ?? '(none)'}`));
    }
    this.info(name, `content-type: ${result.headers['content-type'] ?? '(none)'}`);
    return result;
  }

  closeAll() {
    for (const client of this.clients) client.close();
  }

  toResult() {
    return { label: this.server.label, sections: this.sections, unordered: this.unordered, pings: this.pings };
  }
}

export class Client {
  constructor(trial, name, opts) {
    this.trial = trial;
    this.name = name;
    this.frames = []; // received text frames (pings excluded unless keepPings)
    this.open = false;
    this.closing = false;
    this.closed = null;
    this.keepPings = !!opts.keepPings;
    this.silent = !!opts.silent; // keeps frames, records none (for scenarios that summarise)
    const query = opts.query ?? (opts.token === undefined ? '' : opts.token === null ? '' : `?token=${encodeURIComponent(opts.token)}`);
    const url = `${trial.server.ws}${opts.path ?? '/cable'}${query}`;
    const protocols = opts.protocols ?? ['actioncable-v1-json', 'actioncable-unsupported'];
    const wsOptions = { handshakeTimeout: 5000, perMessageDeflate: false };
    const origin = opts.origin === undefined ? trial.options.origin : opts.origin;
    if (origin) wsOptions.origin = origin;
    this.ws = new WebSocket(url, protocols, wsOptions);
    this.opened = new Promise((resolve) => {
      this.ws.on('upgrade', (res) => {
        trial.touch();
        if (opts.recordHandshake !== false) {
          trial.log(name, item('handshake', `HTTP ${res.statusCode} protocol=${res.headers['sec-websocket-protocol'] ?? '(none)'}`));
        }
      });
      this.ws.on('unexpected-response', (req, res) => {
        trial.touch();
        trial.log(name, item('handshake', `HTTP ${res.statusCode} (upgrade refused)`));
        res.resume();
        req.destroy();
        resolve();
      });
      this.ws.on('open', () => {
        this.open = true;
        for (const frame of opts.sendOnOpen ?? []) this.send(frame);
        resolve();
      });
      this.ws.on('message', (data, isBinary) => {
        trial.touch();
        const text = isBinary ? `(binary) ${data.toString('hex')}` : data.toString('utf8');
        const ping = !isBinary && PING.exec(text);
        if (ping) {
          trial.pings.push({ conn: name, at: Date.now(), text, value: Number(ping[1]) });
          if (!this.keepPings) return;
        }
        this.frames.push(text);
        if (!this.silent) trial.log(name, item('recv', `< ${shorten(text)}`, { bytes: text }));
      });
      this.ws.on('close', (code, reason) => {
        trial.touch();
        this.open = false;
        this.closed = { code, reason: reason.toString('utf8') };
        if (!this.closing) {
          trial.log(name, item('close', `closed by server: code ${code}`));
          trial.log(name, item('close', `close reason ${JSON.stringify(reason.toString('utf8'))}`));
        }
        resolve();
      });
      this.ws.on('error', (error) => {
        trial.touch();
        if (!this.closing) trial.log(name, item('error', `client error: ${error.message}`));
        resolve();
      });
    });
  }

  /** Sends a text frame: a string as is, anything else as JSON. */
  send(frame, { record = true } = {}) {
    const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
    if (record) this.trial.log(this.name, item('send', `> ${shorten(text)}`, { bytes: text }));
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
    else this.trial.log(this.name, item('error', '(not sent: the socket is not open)'));
  }

  /** Sends a text message in `parts` WebSocket frames (a first frame and continuations). */
  sendFragmented(frame, parts) {
    const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.trial.log(this.name, item('send', `> (in ${parts} frames) ${shorten(text)}`, { bytes: text }));
    const size = Math.ceil(text.length / parts);
    for (let i = 0; i < parts; i++) this.ws.send(text.slice(i * size, (i + 1) * size), { fin: i === parts - 1 });
  }

  sendBinary(buffer) {
    this.trial.log(this.name, item('send', `> (binary) ${shorten(buffer.toString('hex'))}`));
    this.ws.send(buffer, { binary: true });
  }

  subscribe(identifier, options) {
    this.send({ command: 'subscribe', identifier }, options);
  }

  unsubscribe(identifier) {
    this.send({ command: 'unsubscribe', identifier });
  }

  /** A message command; data is JSON-encoded unless it is already a string. */
  perform(identifier, data, options) {
    this.send({ command: 'message', identifier, data: typeof data === 'string' ? data : JSON.stringify(data) }, options);
  }

  /** The client closes (1000); not recorded: only closes the server starts are. */
  close() {
    if (this.closing) return;
    this.closing = true;
    try {
      if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000);
      else this.ws.terminate();
    } catch {
      // already gone
    }
  }

  /** Closes and records that the client did it (the scenario wants the server's reaction). */
  closeByClient() {
    this.trial.log(this.name, item('send', '> (client closes the socket, code 1000)'));
    this.close();
  }
}

/**
 * Performs the WebSocket upgrade on a raw socket, so that nothing (no client library) hides what
 * the server answers: the status, the subprotocol header, the refused response's body and whether it
 * ends, then the server's frames for listenMs.
 */
async function rawUpgrade(trial, name, { path = '/cable', query = '', headers = {}, listenMs = 1200, protocolHeader, record = {} } = {}) {
  const { hostname, port } = new URL(trial.server.http);
  const key = crypto.randomBytes(16).toString('base64');
  const lines = [
    `GET ${path}${query} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${key}`,
    `Sec-WebSocket-Version: ${headers['Sec-WebSocket-Version'] ?? '13'}`,
  ];
  if (protocolHeader !== undefined) lines.push(`Sec-WebSocket-Protocol: ${protocolHeader}`);
  for (const [header, value] of Object.entries(headers)) {
    if (header !== 'Sec-WebSocket-Version' && value !== undefined) lines.push(`${header}: ${value}`);
  }
  const socket = net.connect({ host: hostname, port: Number(port) });
  let buffer = Buffer.alloc(0);
  let head = null;
  let ended = false;
  socket.on('data', (chunk) => {
    trial.touch();
    buffer = Buffer.concat([buffer, chunk]);
  });
  socket.on('end', () => { ended = true; });
  socket.on('close', () => { ended = true; });
  socket.on('error', () => { ended = true; });
  await new Promise((resolve) => socket.once('connect', resolve).once('error', resolve));
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  const gotHead = await trial.until(() => buffer.indexOf('\r\n\r\n') >= 0 || ended, 5000);
  if (!gotHead || buffer.indexOf('\r\n\r\n') < 0) {
    trial.log(name, item('handshake', ended ? 'connection closed without a response' : 'no response head within 5 s'));
    socket.destroy();
    return;
  }
  const at = buffer.indexOf('\r\n\r\n');
  const headText = buffer.subarray(0, at).toString('latin1');
  buffer = buffer.subarray(at + 4);
  const [statusLine, ...headerLines] = headText.split('\r\n');
  head = { status: Number(statusLine.split(' ')[1]), statusLine, headers: {} };
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    head.headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  trial.log(name, item('handshake', `HTTP ${head.status}`));
  trial.info(name, `status line: ${statusLine}`);
  if (head.status === 101) {
    trial.log(name, item('handshake', `Sec-WebSocket-Protocol: ${head.headers['sec-websocket-protocol'] ?? '(none)'}`));
    const accept = crypto.createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    if (head.headers['sec-websocket-accept'] !== accept) trial.log(name, item('error', 'wrong Sec-WebSocket-Accept'));
    await sleep(listenMs);
    for (const frame of parseFrames(buffer)) {
      if (frame.opcode === 1) {
        const text = frame.payload.toString('utf8');
        if (PING.test(text)) continue;
        trial.log(name, item('recv', `< ${shorten(text)}`, { bytes: text }));
      } else if (frame.opcode === 8) {
        const code = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
        trial.log(name, item('close', `closed by server: code ${code}`));
        trial.log(name, item('close', `close reason ${JSON.stringify(frame.payload.subarray(2).toString('utf8'))}`));
      } else {
        trial.log(name, item('recv', `< (opcode ${frame.opcode}) ${frame.payload.toString('hex')}`));
      }
    }
    // A masked close frame, 1000.
    const mask = crypto.randomBytes(4);
    const payload = Buffer.from([0x03, 0xe8]);
    socket.write(Buffer.concat([Buffer.from([0x88, 0x82]), mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]))]));
  } else {
    for (const header of record.headers ?? []) {
      trial.log(name, item('handshake', `${header}: ${head.headers[header.toLowerCase()] ?? '(none)'}`));
    }
    // Does the refused response end? (Content-Length, chunked, or the server closes.)
    const length = head.headers['content-length'];
    const chunked = /chunked/i.test(head.headers['transfer-encoding'] ?? '');
    const complete = () => ended
      || (length !== undefined && buffer.length >= Number(length))
      || (chunked && buffer.indexOf('0\r\n\r\n') >= 0);
    const done = await trial.until(complete, 3000);
    trial.log(name, item('handshake', done ? 'response ends' : 'response does NOT end within 3 s (client would hang)'));
    trial.info(name, `body ${JSON.stringify(shorten(buffer.toString('utf8'), 200))}`);
    trial.info(name, `headers ${JSON.stringify(head.headers)}`);
  }
  socket.destroy();
}

function parseFrames(buffer) {
  const frames = [];
  let offset = 0;
  while (offset + 2 <= buffer.length) {
    const opcode = buffer[offset] & 0x0f;
    let length = buffer[offset + 1] & 0x7f;
    let at = offset + 2;
    if (length === 126) {
      if (at + 2 > buffer.length) break;
      length = buffer.readUInt16BE(at);
      at += 2;
    } else if (length === 127) {
      if (at + 8 > buffer.length) break;
      length = Number(buffer.readBigUInt64BE(at));
      at += 8;
    }
    if (at + length > buffer.length) break;
    frames.push({ opcode, payload: buffer.subarray(at, at + length) });
    offset = at + length;
  }
  return frames;
}
