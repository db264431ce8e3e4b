// The scenarios: each one runs the same steps against one server (a Trial) and records what the
// server did. compare.mjs runs each of them against both servers and compares the recordings.
import { item } from './trial.mjs';

const chat = (room) => JSON.stringify({ channel: 'ChatChannel', room });
const BENCH = JSON.stringify({ channel: 'BenchmarkChannel' });
const comments = (postId) => JSON.stringify({ channel: 'CommentsChannel', post_id: postId });

export const scenarios = [];
function S(group, name, run, flags = {}) {
  scenarios.push({ group, name: `${group}: ${name}`, run, ...flags });
}

/** Connects as a demo user (valid token) and waits for the welcome. */
function user(t, name, id = name, opts = {}) {
  return t.connect(name, { token: t.tokens.valid(id), ...opts });
}

/** alice and bob, both subscribed to chat room `room`. */
async function chatPair(t, room) {
  const alice = await user(t, 'alice');
  const bob = await user(t, 'bob');
  alice.subscribe(chat(room));
  bob.subscribe(chat(room));
  await t.settle();
  return { alice, bob, id: chat(room) };
}

/** POST /_broadcast. */
function broadcast(t, section, { stream, data, body, auth = `Bearer ${t.options.key}`, method = 'POST', path = '/_broadcast', headers = {}, record } = {}) {
  const allHeaders = { 'Content-Type': 'application/json', ...headers };
  if (auth !== null) allHeaders.Authorization = auth;
  const payload = body !== undefined ? body : (method === 'POST' || data !== undefined) ? JSON.stringify({ stream, data }) : undefined;
  return t.http(section, { method, path, headers: allHeaders, body: payload, record });
}

/** Which of these streams does `client` receive? One HTTP broadcast {"probe": stream} to each. */
async function probeStreams(t, streams) {
  for (const stream of streams) {
    await broadcast(t, 'probe', { stream, data: JSON.stringify({ probe: stream }) });
  }
  await t.settle();
}

// ---------------------------------------------------------------------------------------------
// Handshake
// ---------------------------------------------------------------------------------------------

S('handshake', 'welcome after a good connect', async (t) => {
  await user(t, 'alice');
  await t.settle();
});

S('handshake', 'subscribe sent at once on open, before the welcome arrived', async (t) => {
  const frame = JSON.stringify({ command: 'subscribe', identifier: chat('early') });
  await user(t, 'alice', 'alice', { sendOnOpen: [frame] });
  await t.settle();
});

const offers = [
  ['both official offers', 'actioncable-v1-json, actioncable-unsupported'],
  ['official offers reversed', 'actioncable-unsupported, actioncable-v1-json'],
  ['only actioncable-unsupported', 'actioncable-unsupported'],
  ['no Sec-WebSocket-Protocol at all', undefined],
  ['only an unknown one', 'actioncable-v2-msgpack'],
  ['unknown first, then actioncable-v1-json', 'actioncable-v2-msgpack, actioncable-v1-json'],
  ['different letter case', 'ActionCable-V1-JSON'],
  ['two header lines', ['actioncable-v2-msgpack', 'actioncable-v1-json']],
];
for (const [label, protocolHeader] of offers) {
  S('subprotocol', label, async (t) => {
    const token = encodeURIComponent(t.tokens.valid('alice'));
    const headers = { Origin: t.options.origin };
    if (Array.isArray(protocolHeader)) {
      // Two Sec-WebSocket-Protocol lines: pass the second as an extra header.
      await t.rawUpgrade('raw', { query: `?token=${token}`, protocolHeader: `${protocolHeader[0]}\r\nSec-WebSocket-Protocol: ${protocolHeader[1]}`, headers });
    } else {
      await t.rawUpgrade('raw', { query: `?token=${token}`, protocolHeader, headers });
    }
  });
}

S('handshake', 'plain GET /cable (no upgrade)', async (t) => {
  await t.http('http', { path: '/cable', headers: { Origin: t.options.origin } });
});

S('handshake', 'GET / (JCable serves its demo page there)', async (t) => {
  await t.http('http', { path: '/', record: { body: false } });
});

S('handshake', 'upgrade on another path (/cable/extra)', async (t) => {
  const token = encodeURIComponent(t.tokens.valid('alice'));
  await t.rawUpgrade('raw', { path: '/cable/extra', query: `?token=${token}`, protocolHeader: 'actioncable-v1-json', headers: { Origin: t.options.origin } });
});

S('handshake', 'upgrade with Sec-WebSocket-Version 8', async (t) => {
  const token = encodeURIComponent(t.tokens.valid('alice'));
  await t.rawUpgrade('raw', {
    query: `?token=${token}`, protocolHeader: 'actioncable-v1-json',
    headers: { Origin: t.options.origin, 'Sec-WebSocket-Version': '8' }, record: { headers: ['Sec-WebSocket-Version'] },
  });
});

// ---------------------------------------------------------------------------------------------
// Identification (JWT in ?token=)
// ---------------------------------------------------------------------------------------------

const tokenCases = [
  ['valid token', (k) => k.valid('alice')],
  ['valid token with exp in an hour', (k) => k.expiresLater('alice')],
  ['no token', () => null],
  ['empty token', () => ''],
  ['garbage token', (k) => k.garbage()],
  ['token with two parts only', (k) => k.twoParts('alice')],
  ['forged (other secret)', (k) => k.forged('alice')],
  ['expired', (k) => k.expired('alice')],
  ['exp not a number', (k) => k.expNotNumber('alice')],
  ['nbf in an hour', (k) => k.notYetValid('alice')],
  ['iat in an hour', (k) => k.issuedInFuture('alice')],
  ['alg none, empty signature', (k) => k.algNone('alice')],
  ['alg none, with a signature', (k) => k.algNoneSigned('alice')],
  ['HS384', (k) => k.hs384('alice')],
  ['HS512', (k) => k.hs512('alice')],
  ['typ XYZ', (k) => k.typOther('alice')],
  ['crit header', (k) => k.critHeader('alice')],
  ['no id', (k) => k.noId()],
  ['numeric id', (k) => k.numericId()],
  ['empty id', (k) => k.emptyId()],
  ['null id', (k) => k.nullId()],
  ['array id', (k) => k.arrayId()],
  ['payload a JSON string', (k) => k.payloadString('alice')],
  ['payload not JSON', (k) => k.payloadNotJson()],
];
for (const [label, make] of tokenCases) {
  S('auth', label, async (t) => {
    const token = make(t.tokens);
    const alice = await t.connect('alice', { token });
    await t.settle(800);
    if (alice.open) {
      // Identified: who does the server think we are?
      alice.subscribe(chat('whoami'));
      await t.settle();
      alice.perform(chat('whoami'), { message: 'hi' });
      await t.settle();
    }
  });
}

S('auth', 'token given twice: bad first, good second', async (t) => {
  const query = `?token=${t.tokens.garbage()}&token=${t.tokens.valid('alice')}`;
  await t.connect('alice', { query });
  await t.settle(800);
});

S('auth', 'token given twice: good first, bad second', async (t) => {
  const query = `?token=${t.tokens.valid('alice')}&token=${t.tokens.garbage()}`;
  await t.connect('alice', { query });
  await t.settle(800);
});

// ---------------------------------------------------------------------------------------------
// Origin allow-list (start both servers with CABLE_ALLOWED_ORIGINS=http://good.example)
// ---------------------------------------------------------------------------------------------

const originCases = [
  ['allowed origin', (o) => o],
  ['foreign origin', () => 'http://evil.example'],
  ['no Origin header', () => undefined],
  ['allowed origin in upper case', (o) => o.toUpperCase()],
  ['allowed origin with explicit default port', (o) => `${o}:80`],
  ['allowed origin with a trailing slash', (o) => `${o}/`],
  ['Origin: null', () => 'null'],
];
for (const [label, make] of originCases) {
  S('origin', label, async (t) => {
    const token = encodeURIComponent(t.tokens.valid('alice'));
    await t.rawUpgrade('raw', {
      query: `?token=${token}`, protocolHeader: 'actioncable-v1-json',
      headers: { Origin: make(t.options.origin) }, listenMs: 800,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Subscriptions
// ---------------------------------------------------------------------------------------------

const identifierCases = [
  ['plain identifier', chat('plain')],
  ['spaces around members', '{ "channel" : "ChatChannel" , "room" : "spaced" }'],
  ['keys in another order', '{"room":"reordered","channel":"ChatChannel"}'],
  ['\\u escapes in the channel name and room', '{"channel":"Chat\\u0043hannel","room":"\\u00e9t\\u00e9"}'],
  ['escaped slash', '{"channel":"ChatChannel","room":"a\\/b"}'],
  ['raw non-ASCII room', '{"channel":"ChatChannel","room":"été 🎉"}'],
  ['room with < > & and U+2028', `{"channel":"ChatChannel","room":"<b>&\u2028"}`],
  ['extra params', '{"channel":"ChatChannel","room":"extra","x":[1,{"y":null}]}'],
  ['whitespace around the JSON', '  {"channel":"ChatChannel","room":"padded"}\n'],
  ['lone surrogate (escaped) in the room', '{"channel":"ChatChannel","room":"\\ud800"}'],
  ['duplicate room key', '{"channel":"ChatChannel","room":"first","room":"second"}'],
];
for (const [label, identifier] of identifierCases) {
  S('subscribe', label, async (t) => {
    const alice = await user(t, 'alice');
    alice.subscribe(identifier);
    await t.settle();
    alice.perform(identifier, { message: 'hi' });
    await t.settle();
  });
}

S('subscribe', 'lone surrogate in the identifier string itself', async (t) => {
  const alice = await user(t, 'alice');
  // The frame's JSON escapes a lone surrogate: the identifier string then holds U+D800 itself.
  alice.send('{"command":"subscribe","identifier":"{\\"channel\\":\\"ChatChannel\\",\\"room\\":\\"x\\ud800\\"}"}');
  await t.settle();
});

const rejectCases = [
  ['no room', JSON.stringify({ channel: 'ChatChannel' })],
  ['empty room', chat('')],
  ['whitespace room', chat('   ')],
  ['tab/newline room', chat('\t\n')],
  ['NBSP room (U+00A0)', chat('\u00a0')],
  ['ideographic space room (U+3000)', chat('\u3000')],
  ['figure space room (U+2007)', chat('\u2007')],
  ['next-line room (U+0085)', chat('\u0085')],
  ['null room', chat(null)],
  ['false room', chat(false)],
  ['empty array room', chat([])],
  ['empty object room', chat({})],
  ['unknown channel', JSON.stringify({ channel: 'NoSuchChannel' })],
  ['channel name in lower case', JSON.stringify({ channel: 'chatchannel', room: 'x' })],
  ['empty channel name', JSON.stringify({ channel: '', room: 'x' })],
  ['channel ApplicationCable::Channel (the base class)', JSON.stringify({ channel: 'ApplicationCable::Channel' })],
  ['channel ActionCable::Channel::Base', JSON.stringify({ channel: 'ActionCable::Channel::Base' })],
  ['channel ::ChatChannel', JSON.stringify({ channel: '::ChatChannel', room: 'colons' })],
  ['channel Object', JSON.stringify({ channel: 'Object' })],
  ['channel ProbeChannel (a JCable test channel)', JSON.stringify({ channel: 'ProbeChannel' })],
  ['CommentsChannel without post_id', JSON.stringify({ channel: 'CommentsChannel' })],
  ['CommentsChannel with empty post_id', comments('')],
];
for (const [label, identifier] of rejectCases) {
  S('reject', label, async (t) => {
    const alice = await user(t, 'alice');
    alice.subscribe(identifier);
    await t.settle();
    alice.subscribe(identifier); // a retry
    await t.settle();
    alice.subscribe(chat('still-usable'));
    await t.settle();
  });
}

const oddRoomCases = [
  ['true room', chat(true), ['chat_true']],
  ['numeric room 5', chat(5), ['chat_5']],
  ['numeric room 1.50', '{"channel":"ChatChannel","room":1.50}', ['chat_1.5', 'chat_1.50']],
  ['numeric room 1e2', '{"channel":"ChatChannel","room":1e2}', ['chat_100.0', 'chat_1E+2', 'chat_1e2', 'chat_100']],
  ['array room', chat(['a', 1]), ['chat_["a", 1]', 'chat_["a",1]']],
  ['object room', chat({ a: 1 }), ['chat_{"a"=>1}', 'chat_{"a":1}']],
  ['duplicate room key', '{"channel":"ChatChannel","room":"first","room":"second"}', ['chat_first', 'chat_second']],
];
for (const [label, identifier, streams] of oddRoomCases) {
  S('stream name', label, async (t) => {
    const alice = await user(t, 'alice');
    alice.subscribe(identifier);
    await t.settle();
    await probeStreams(t, streams);
  });
}

S('reject', 'ProbeChannel (a JCable test channel): failing subscribe and action', async (t) => {
  const alice = await user(t, 'alice');
  alice.subscribe(JSON.stringify({ channel: 'ProbeChannel', mode: 'throw' }));
  await t.settle();
  const probe = JSON.stringify({ channel: 'ProbeChannel', mode: 'x' });
  alice.subscribe(probe);
  await t.settle();
  alice.perform(probe, { action: 'boom' });
  await t.settle();
  alice.perform(probe, { action: 'point', x: 1, y: 2 });
  await t.settle();
});

S('subscribe', 'identical subscribe twice', async (t) => {
  const { alice, bob, id } = await chatPair(t, 'twice');
  alice.subscribe(id);
  await t.settle();
  bob.perform(id, { message: 'once?' });
  await t.settle();
});

S('subscribe', 'same channel and params, differently formatted', async (t) => {
  const { alice, bob, id } = await chatPair(t, 'twice2');
  alice.subscribe('{"room":"twice2","channel":"ChatChannel"}');
  await t.settle();
  bob.perform(id, { message: 'twice?' });
  await t.settle();
  t.unorderedSection('alice'); // one delivery per identifier, in either order
});

S('subscribe', '50 pipelined subscribes', async (t) => {
  const alice = await user(t, 'alice', 'alice', { silent: true });
  for (let i = 0; i < 50; i++) alice.subscribe(chat(`pipe${i}`), { record: false });
  await t.settle(800);
  const confirmed = alice.frames.map((f) => JSON.parse(f)).filter((f) => f.type === 'confirm_subscription').map((f) => JSON.parse(f.identifier).room);
  t.summary('alice', `${confirmed.length} of 50 confirmed`);
  const inOrder = confirmed.every((room, i) => room === `pipe${i}`);
  t.summary('alice', `confirmations in the order of the subscribes: ${inOrder ? 'yes' : 'no'}`);
  if (!inOrder) t.info('alice', `order: ${confirmed.join(' ')}`);
});

S('subscribe', 'subscribe and message pipelined, 20 rooms', async (t) => {
  const alice = await user(t, 'alice', 'alice', { silent: true });
  for (let i = 0; i < 20; i++) {
    alice.subscribe(chat(`pm${i}`), { record: false });
    alice.perform(chat(`pm${i}`), { message: `m${i}` }, { record: false });
  }
  await t.settle(800);
  const frames = alice.frames.map((f) => JSON.parse(f));
  t.summary('alice', `${frames.filter((f) => f.type === 'confirm_subscription').length} of 20 confirmed`);
  t.summary('alice', `${frames.filter((f) => f.message && f.message.message).length} of 20 messages delivered`);
  const lateOrLost = [];
  for (let i = 0; i < 20; i++) {
    const id = chat(`pm${i}`);
    const confirmAt = frames.findIndex((f) => f.identifier === id && f.type === 'confirm_subscription');
    const messageAt = frames.findIndex((f) => f.identifier === id && f.message);
    if (messageAt < 0) lateOrLost.push(`pm${i}: lost`);
    else if (messageAt < confirmAt) lateOrLost.push(`pm${i}: message before confirmation`);
  }
  t.info('alice', lateOrLost.length ? lateOrLost.join(', ') : 'every message came after its confirmation');
});

// ---------------------------------------------------------------------------------------------
// Unsubscribe and leaving
// ---------------------------------------------------------------------------------------------

S('unsubscribe', 'unsubscribe: answer, "left" to self and others, then message and resubscribe', async (t) => {
  const { alice, bob, id } = await chatPair(t, 'leave');
  alice.unsubscribe(id);
  await t.settle();
  alice.perform(id, { message: 'after leaving' });
  await t.settle();
  bob.perform(id, { message: 'still there?' });
  await t.settle();
  alice.subscribe(id);
  await t.settle();
});

S('unsubscribe', 'unsubscribe twice', async (t) => {
  const { alice, id } = await chatPair(t, 'leave2');
  alice.unsubscribe(id);
  await t.settle();
  alice.unsubscribe(id);
  await t.settle();
});

S('unsubscribe', 'disconnect: "left" to the others', async (t) => {
  const { alice } = await chatPair(t, 'gone');
  alice.closeByClient();
  await t.settle();
});

S('unsubscribe', 'disconnect of a rejected subscriber: nothing to the others', async (t) => {
  const { bob } = await chatPair(t, 'rejected-leaves');
  const carol = await user(t, 'carol');
  carol.subscribe(chat(''));
  await t.settle();
  carol.closeByClient();
  await t.settle();
  bob.perform(chat('rejected-leaves'), { message: 'anyone?' });
  await t.settle();
});

S('unsubscribe', 'unsubscribe from a BenchmarkChannel subscription', async (t) => {
  const alice = await user(t, 'alice');
  alice.subscribe(BENCH);
  await t.settle();
  alice.unsubscribe(BENCH);
  await t.settle();
  alice.perform(BENCH, { action: 'echo', n: 1 });
  await t.settle();
});

// ---------------------------------------------------------------------------------------------
// ChatChannel actions
// ---------------------------------------------------------------------------------------------

const chatActions = [
  ['receive: string message', { message: 'hello' }],
  ['receive: empty string message', { message: '' }],
  ['receive: integer message', { message: 42 }],
  ['receive: missing message', {}],
  ['receive: null message', { message: null }],
  ['receive: true message', { message: true }],
  ['receive: decimal message 1.50', '{"message":1.50}'],
  ['receive: exponent message 1e2', '{"message":1e2}'],
  ['receive: big integer message', '{"message":123456789012345678901234567890}'],
  ['receive: array message', { message: [1, 'x'] }],
  ['receive: object message', { message: { a: 1 } }],
  ['receive: < > & U+2028 and emoji', { message: '<script>alert("&")</script>\u2028🎉' }],
  ['receive: control characters', { message: '\u0001\u001f\u007f\t' }],
  ['receive: explicit action "receive"', { action: 'receive', message: 'explicit' }],
  ['receive: action ""', { action: '', message: 'empty action' }],
  ['receive: action " " (blank)', { action: ' ', message: 'blank action' }],
  ['receive: action null', { action: null, message: 'null action' }],
  ['receive: action false', { action: false, message: 'false action' }],
  ['action: number 5', { action: 5, message: 'x' }],
  ['action: array ["away"]', { action: ['away'] }],
  ['away', { action: 'away' }],
  ['away with extra data', { action: 'away', extra: [1, 2] }],
  ['status: string', { action: 'status', status: 'busy' }],
  ['status: missing', { action: 'status' }],
  ['status: null', { action: 'status', status: null }],
  ['status: object', { action: 'status', status: { text: 'in a meeting', until: 17 } }],
  ['status: number', { action: 'status', status: 1.5 }],
  ['status: array', { action: 'status', status: ['a', null] }],
  ['unknown action "dance"', { action: 'dance' }],
  ['action "Away" (other case)', { action: 'Away' }],
  ['private callback "subscribed"', { action: 'subscribed' }],
  ['private callback "unsubscribed"', { action: 'unsubscribed' }],
  ['helper "room_stream"', { action: 'room_stream' }],
  ['Base method "transmit"', { action: 'transmit', message: 'x' }],
  ['Base method "stream_from"', { action: 'stream_from' }],
  ['Base method "perform_action"', { action: 'perform_action' }],
  ['connection identifier "current_user_id"', { action: 'current_user_id' }],
  ['Java method "toString"', { action: 'toString' }],
  ['Java method "hashCode"', { action: 'hashCode' }],
  ['Java method "userId"', { action: 'userId' }],
];
for (const [label, data] of chatActions) {
  S('chat', label, async (t) => {
    const { alice, id } = await chatPair(t, 'actions');
    alice.perform(id, data);
    await t.settle();
  });
}

// ---------------------------------------------------------------------------------------------
// CommentsChannel
// ---------------------------------------------------------------------------------------------

S('comments', 'subscribe post 1, HTTP broadcast to comments:post:1', async (t) => {
  const alice = await user(t, 'alice');
  alice.subscribe(comments('1'));
  await t.settle();
  await broadcast(t, 'http', { stream: 'comments:post:1', data: JSON.stringify({ id: 9, body: 'First!' }) });
  await t.settle();
});

S('comments', 'numeric post_id 7', async (t) => {
  const alice = await user(t, 'alice');
  alice.subscribe(comments(7));
  await t.settle();
  await probeStreams(t, ['comments:post:7']);
});

S('comments', 'message to CommentsChannel (it has no actions)', async (t) => {
  const alice = await user(t, 'alice');
  alice.subscribe(comments('2'));
  await t.settle();
  alice.perform(comments('2'), { message: 'hello' });
  await t.settle();
  alice.perform(comments('2'), { action: 'receive', message: 'hello' });
  await t.settle();
});

// ---------------------------------------------------------------------------------------------
// BenchmarkChannel
// ---------------------------------------------------------------------------------------------

const echoCases = [
  ['echo: simple', '{"action":"echo","payload":{"text":"hi","n":1}}'],
  ['echo: only the action', '{"action":"echo"}'],
  ['echo: < > & / U+2028 U+2029 emoji', '{"action":"echo","s":"<a href=\\"x\\">&amp;</a> \\/ \u2028\u2029 🎉"}'],
  ['echo: control characters and escapes', '{"action":"echo","s":"\\u0000\\u0001\\b\\f\\n\\r\\t\\"\\\\\\u007f"}'],
  ['echo: number formats', '{"action":"echo","n":[1,-0,1.0,1.50,1e3,1E-7,0.1,123456789012345678901234567890]}'],
  ['echo: number out of double range', '{"action":"echo","n":1e400}'],
  ['echo: duplicate keys', '{"action":"echo","a":1,"a":2}'],
  ['echo: key order kept', '{"z":1,"action":"echo","a":2}'],
  ['echo: lone surrogate', '{"action":"echo","s":"\\ud800"}'],
  ['echo: nesting depth 150', `{"action":"echo","deep":${'['.repeat(150)}${']'.repeat(150)}}`],
  ['unknown action on BenchmarkChannel', '{"action":"nope"}'],
  ['no action on BenchmarkChannel (receive)', '{"payload":1}'],
];
for (const [label, data] of echoCases) {
  S('benchmark', label, async (t) => {
    const alice = await user(t, 'alice');
    alice.subscribe(BENCH);
    await t.settle();
    alice.perform(BENCH, data);
    await t.settle();
  });
}

S('benchmark', 'broadcast to two subscribers', async (t) => {
  const alice = await user(t, 'alice');
  const bob = await user(t, 'bob');
  alice.subscribe(BENCH);
  bob.subscribe(BENCH);
  await t.settle();
  alice.perform(BENCH, '{"action":"broadcast","payload":{"n":1}}');
  await t.settle();
});

S('benchmark', 'broadcast, action in the middle', async (t) => {
  const alice = await user(t, 'alice');
  alice.subscribe(BENCH);
  await t.settle();
  alice.perform(BENCH, '{"a":1,"action":"broadcast","z":2}');
  await t.settle();
  t.unorderedSection('alice');
});

// ---------------------------------------------------------------------------------------------
// HTTP broadcast API
// ---------------------------------------------------------------------------------------------

/** alice listens to chat_http (ChatChannel room "http"); then one request. */
function httpCase(label, request) {
  S('http', label, async (t) => {
    const alice = await user(t, 'alice');
    alice.subscribe(chat('http'));
    await t.settle();
    await broadcast(t, 'http', typeof request === 'function' ? request(t) : request);
    await t.settle();
  });
}

const ok = (data) => ({ stream: 'chat_http', data });
httpCase('201: data an object', ok('{"text":"hello","n":1}'));
httpCase('201: data a string', ok('"just text"'));
httpCase('201: data an array', ok('[1,"two",{"three":3}]'));
httpCase('201: data a number', ok('42'));
httpCase('201: data a decimal 1.50 and 1e3', ok('[1.50,1e3]'));
httpCase('201: data null', ok('null'));
httpCase('201: data true', ok('true'));
httpCase('201: data with < > & and U+2028', ok('{"html":"<b>&</b>\u2028"}'));
httpCase('201: data with surrounding whitespace', ok(' {"a":1} '));
httpCase('201: stream nobody listens to', { stream: 'chat_nobody', data: '{"a":1}' });
httpCase('201: extra body members', { body: JSON.stringify({ stream: 'chat_http', data: '{"a":1}', extra: true }) });
httpCase('201?: query string on the path', { stream: 'chat_http', data: '{"q":1}', path: '/_broadcast?x=1' });
httpCase('201?: a sub-path /_broadcast/x', { stream: 'chat_http', data: '{"sub":1}', path: '/_broadcast/x' });
httpCase('201?: data with a JSON comment', ok('/* c */ {"commented":1}'));
httpCase('201?: body with a JSON comment', { body: `/* c */ ${JSON.stringify(ok('{"a":1}'))}` });
httpCase('201?: a batch (JSON array of two messages)', { body: JSON.stringify([ok('{"batch":1}'), ok('{"batch":2}')]) });
httpCase('201?: duplicate data keys', { body: '{"stream":"chat_http","data":"{\\"a\\":1}","data":"{\\"a\\":2}"}' });
httpCase('401: no Authorization', { ...ok('{"a":1}'), auth: null });
httpCase('401: wrong key', { ...ok('{"a":1}'), auth: 'Bearer wrong-key' });
httpCase('401: key without Bearer', (t) => ({ ...ok('{"a":1}'), auth: t.options.key }));
httpCase('401: lower-case bearer', (t) => ({ ...ok('{"a":1}'), auth: `bearer ${t.options.key}` }));
httpCase('401: two spaces after Bearer', (t) => ({ ...ok('{"a":1}'), auth: `Bearer  ${t.options.key}` }));
httpCase('401: trailing space after the key', (t) => ({ ...ok('{"a":1}'), auth: `Bearer ${t.options.key} ` }));
httpCase('401: Basic auth', { ...ok('{"a":1}'), auth: 'Basic ZGVtbzpkZW1vLWtleQ==' });
httpCase('422: body not JSON', { body: 'stream=chat_http' });
httpCase('422: empty body', { body: '' });
httpCase('422: body null', { body: 'null' });
httpCase('422: body an array of a string', { body: '["x"]' });
httpCase('422: no stream', { body: JSON.stringify({ data: '{"a":1}' }) });
httpCase('422: empty stream', { stream: '', data: '{"a":1}' });
httpCase('422: stream a number', { body: JSON.stringify({ stream: 5, data: '{"a":1}' }) });
httpCase('422: no data', { body: JSON.stringify({ stream: 'chat_http' }) });
httpCase('422: data not JSON text', ok('not json'));
httpCase('422: data empty string', ok(''));
httpCase('422: data an object instead of a string', { body: JSON.stringify({ stream: 'chat_http', data: { a: 1 } }) });
httpCase('422: data null', { body: JSON.stringify({ stream: 'chat_http', data: null }) });
httpCase('422: body with trailing text', { body: `${JSON.stringify(ok('{"a":1}'))} trailing` });
httpCase('405: GET', { method: 'GET', record: { headers: ['Allow'] } });
httpCase('405: GET without a key', { method: 'GET', auth: null, record: { headers: ['Allow'] } });
httpCase('405: PUT', { ...ok('{"a":1}'), method: 'PUT', record: { headers: ['Allow'] } });
httpCase('405: DELETE', { method: 'DELETE', record: { headers: ['Allow'] } });
httpCase('405: PATCH', { ...ok('{"a":1}'), method: 'PATCH', record: { headers: ['Allow'] } });
httpCase('405: HEAD', { method: 'HEAD', record: { headers: ['Allow'] } });

// ---------------------------------------------------------------------------------------------
// Bad input: Rails answers nothing and keeps the connection (FINDINGS.md)
// ---------------------------------------------------------------------------------------------

const KNOWN = chat('bad');
const cmd = (command, identifier, extra = {}) => JSON.stringify({ command, identifier, ...extra });
const badInputs = [
  ['not JSON', 'hello'],
  ['truncated JSON', '{"command":"subscribe"'],
  ['JSON with trailing text', `${cmd('subscribe', chat('trailing'))} x`],
  ['empty text frame', ''],
  ['whitespace-only frame', ' \n '],
  ['byte order mark before the JSON', `\ufeff${cmd('subscribe', chat('bom'))}`],
  ['JSON with a comment', `/* c */ ${cmd('subscribe', chat('comment'))}`],
  ['JSON array', '[]'],
  ['JSON string', '"subscribe"'],
  ['JSON number', '42'],
  ['JSON null', 'null'],
  ['unknown command', cmd('dance', KNOWN)],
  ['command in other case', cmd('Subscribe', chat('case'))],
  ['missing command', JSON.stringify({ identifier: KNOWN })],
  ['command a number', JSON.stringify({ command: 1, identifier: KNOWN })],
  ['duplicate command key (last is subscribe)', `{"command":"dance","command":"subscribe","identifier":${JSON.stringify(chat('dupcmd'))}}`],
  ['members in another order', `{"identifier":${JSON.stringify(chat('order'))},"command":"subscribe"}`],
  ['subscribe without identifier', JSON.stringify({ command: 'subscribe' })],
  ['identifier not JSON', cmd('subscribe', 'ChatChannel')],
  ['identifier a JSON array', cmd('subscribe', '[]')],
  ['identifier a JSON string', cmd('subscribe', '"ChatChannel"')],
  ['identifier JSON null', cmd('subscribe', 'null')],
  ['identifier without channel', cmd('subscribe', '{"room":"x"}')],
  ['channel a number', cmd('subscribe', '{"channel":5}')],
  ['channel null', cmd('subscribe', '{"channel":null}')],
  ['channel an array', cmd('subscribe', '{"channel":["ChatChannel"],"room":"x"}')],
  ['identifier an object instead of a string', JSON.stringify({ command: 'subscribe', identifier: { channel: 'ChatChannel', room: 'obj' } })],
  ['identifier a number', JSON.stringify({ command: 'subscribe', identifier: 5 })],
  ['message without data', cmd('message', KNOWN)],
  ['data not JSON', cmd('message', KNOWN, { data: 'hello' })],
  ['data empty string', cmd('message', KNOWN, { data: '' })],
  ['data a JSON array', cmd('message', KNOWN, { data: '[1]' })],
  ['data a JSON string', cmd('message', KNOWN, { data: '"hi"' })],
  ['data JSON null', cmd('message', KNOWN, { data: 'null' })],
  ['data a JSON number', cmd('message', KNOWN, { data: '5' })],
  ['data an object instead of a string', JSON.stringify({ command: 'message', identifier: KNOWN, data: { message: 'obj' } })],
  ['data with trailing text', cmd('message', KNOWN, { data: '{"message":"x"} y' })],
  ['data with a JSON comment', cmd('message', KNOWN, { data: '/* c */ {"message":"commented"}' })],
  ['message on an unknown identifier', cmd('message', chat('never-subscribed'), { data: '{"message":"x"}' })],
  ['message on a differently formatted identifier', cmd('message', '{"room":"bad","channel":"ChatChannel"}', { data: '{"message":"x"}' })],
  ['unsubscribe on an unknown identifier', cmd('unsubscribe', chat('never-subscribed'))],
  ['unsubscribe without identifier', JSON.stringify({ command: 'unsubscribe' })],
];
for (const [label, frame] of badInputs) {
  S('bad input', label, async (t) => {
    const alice = await user(t, 'alice');
    alice.subscribe(KNOWN);
    await t.settle();
    alice.send(frame);
    await t.settle();
    alice.subscribe(chat('alive')); // is the connection still usable?
    await t.settle();
  });
}

S('bad input', 'binary frame with a valid subscribe', async (t) => {
  const alice = await user(t, 'alice');
  alice.sendBinary(Buffer.from(cmd('subscribe', chat('binary'))));
  await t.settle();
  alice.subscribe(chat('alive'));
  await t.settle();
});

S('bad input', 'binary frame with random bytes', async (t) => {
  const alice = await user(t, 'alice');
  alice.sendBinary(Buffer.from([0, 1, 2, 0xff, 0xfe]));
  await t.settle();
  alice.subscribe(chat('alive'));
  await t.settle();
});

// ---------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------

S('size', '1 MiB text frame (echo and broadcast)', async (t) => {
  const alice = await user(t, 'alice');
  const bob = await user(t, 'bob');
  alice.subscribe(BENCH);
  bob.subscribe(BENCH);
  await t.settle();
  const big = 'x'.repeat(1024 * 1024);
  let start = Date.now();
  alice.perform(BENCH, { action: 'echo', big });
  await t.settle(800, 20000);
  t.info('alice', `echo answered within ${Date.now() - start - 800} ms`);
  start = Date.now();
  alice.perform(BENCH, { action: 'broadcast', big });
  await t.settle(800, 20000);
  t.info('bob', `broadcast and settle took ${Date.now() - start - 800} ms`);
  t.unorderedSection('alice'); // the order of broadcast and broadcastResult is compared elsewhere
});

for (const [label, mib, parts] of [['3 MiB in one frame', 3, 1], ['3 MiB in 3 fragments', 3, 3], ['1.5 MiB in 3 fragments', 1.5, 3], ['5 MiB in one frame', 5, 1]]) {
  S('size', label, async (t) => {
    const alice = await user(t, 'alice');
    alice.subscribe(BENCH);
    await t.settle();
    const frame = { command: 'message', identifier: BENCH, data: JSON.stringify({ action: 'echo', big: 'y'.repeat(mib * 1024 * 1024) }) };
    if (parts === 1) alice.send(frame);
    else alice.sendFragmented(frame, parts);
    await t.settle(1000, 20000);
  });
}

// ---------------------------------------------------------------------------------------------
// Robustness: text that cannot be encoded as UTF-8 (a lone surrogate, sent escaped as \ud800)
// ---------------------------------------------------------------------------------------------

/** Does each client still get frames? A ping (3 s) or anything else after `since`. */
async function stillReceiving(t, clients, since) {
  await t.until(() => t.pings.filter((p) => p.at > since).map((p) => p.conn).filter((c, i, all) => all.indexOf(c) === i).length >= clients.length, 4000);
  for (const client of clients) {
    const pinged = t.pings.some((p) => p.conn === client.name && p.at > since);
    t.summary('after', `${client.name} still gets pings: ${pinged ? 'yes' : 'NO'}`);
  }
}

S('robustness', 'echo a lone surrogate, then a normal echo', async (t) => {
  const alice = await user(t, 'alice');
  alice.subscribe(BENCH);
  await t.settle();
  alice.perform(BENCH, '{"action":"echo","s":"\\ud800"}');
  await t.settle();
  alice.perform(BENCH, '{"action":"echo","s":"after"}');
  await t.settle();
  await stillReceiving(t, [alice], Date.now());
});

S('robustness', 'chat message with a lone surrogate (sent twice), then normal messages', async (t) => {
  const { alice, bob, id } = await chatPair(t, 'surrogate');
  const carol = await user(t, 'carol');
  carol.subscribe(chat('elsewhere'));
  await t.settle();
  alice.perform(id, '{"message":"x\\ud800"}');
  await t.settle();
  alice.perform(id, '{"message":"y\\ud800"}');
  await t.settle();
  alice.perform(id, { message: 'after, from alice' });
  await t.settle();
  bob.perform(id, { message: 'after, from bob' });
  await t.settle();
  carol.perform(chat('elsewhere'), { message: 'another room' });
  await t.settle();
  await stillReceiving(t, [alice, bob, carol], Date.now());
});

S('robustness', 'HTTP broadcast with a lone surrogate, then a normal one', async (t) => {
  const alice = await user(t, 'alice');
  alice.subscribe(chat('http'));
  await t.settle();
  await broadcast(t, 'http', { stream: 'chat_http', data: '{"s":"\\ud800"}' });
  await t.settle();
  await broadcast(t, 'http', { stream: 'chat_http', data: '{"s":"after"}' });
  await t.settle();
  await stillReceiving(t, [alice], Date.now());
});

// ---------------------------------------------------------------------------------------------
// Ordering, concurrency, ping
// ---------------------------------------------------------------------------------------------

S('order', 'burst: 200 perform("broadcast") to 5 subscribers', async (t) => {
  const subscribers = [];
  for (let i = 0; i < 5; i++) subscribers.push(await user(t, `sub${i}`, `sub${i}`, { silent: true, recordHandshake: false }));
  for (const sub of subscribers) sub.subscribe(BENCH, { record: false });
  await t.until(() => subscribers.every((s) => s.frames.some((f) => f.includes('confirm_subscription'))), 5000);
  const sender = subscribers[0];
  const N = 200;
  const start = Date.now();
  for (let i = 0; i < N; i++) sender.perform(BENCH, { action: 'broadcast', seq: i }, { record: false });
  const deliveries = (sub, action) => sub.frames.map((f) => JSON.parse(f)).filter((f) => f.message && f.message.action === action).map((f) => f.message.seq);
  await t.until(() => subscribers.every((s) => deliveries(s, 'broadcast').length >= N) && deliveries(sender, 'broadcastResult').length >= N, 30000);
  await t.settle(500);
  t.info('summary', `all delivered ${Date.now() - start} ms after the first send`);
  const describe = (seqs) => {
    const seen = new Set(seqs);
    const lost = N - seen.size;
    const duplicated = seqs.length - seen.size;
    let swaps = 0;
    for (let i = 1; i < seqs.length; i++) if (seqs[i] < seqs[i - 1]) swaps++;
    return `${seqs.length} received, ${lost} lost, ${duplicated} duplicated, ${swaps === 0 ? 'in order' : `NOT in order (${swaps} places where a lower seq follows a higher one)`}`;
  };
  subscribers.forEach((sub, i) => t.summary('summary', `sub${i} broadcasts: ${describe(deliveries(sub, 'broadcast'))}`));
  t.summary('summary', `sub0 broadcastResults: ${describe(deliveries(sender, 'broadcastResult'))}`);
  // Sample frames, byte for byte.
  for (const action of ['broadcast', 'broadcastResult']) {
    const frame = sender.frames.find((f) => {
      const parsed = JSON.parse(f);
      return parsed.message && parsed.message.action === action && parsed.message.seq === 7;
    });
    if (frame) t.log('sample', item('recv', `< ${frame}`, { bytes: frame }));
  }
}, { exclusive: true });

S('order', 'burst: 500 HTTP broadcasts to 20 subscribers', async (t) => {
  const subscribers = [];
  for (let i = 0; i < 20; i++) subscribers.push(await user(t, `sub${i}`, `sub${i}`, { silent: true, recordHandshake: false }));
  for (const sub of subscribers) sub.subscribe(chat('burst'), { record: false });
  await t.until(() => subscribers.every((s) => s.frames.some((f) => f.includes('confirm_subscription'))), 5000);
  const N = 500;
  // 8 requests in flight at a time, each carrying its sequence number: the server gets them in order
  // per connection only, so this checks loss and duplication; order is reported but not judged.
  const lanes = 8;
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (next < N) {
      const seq = next++;
      await broadcast(t, `lane`, { stream: 'chat_burst', data: JSON.stringify({ seq }), record: { body: false } });
    }
  }));
  t.sections.delete('lane');
  const seqsOf = (sub) => sub.frames.map((f) => JSON.parse(f)).filter((f) => f.message && typeof f.message.seq === 'number').map((f) => f.message.seq);
  await t.until(() => subscribers.every((s) => seqsOf(s).length >= N), 30000);
  await t.settle(500);
  const orders = new Set(subscribers.map((s) => seqsOf(s).join(',')));
  subscribers.forEach((sub, i) => {
    const seqs = seqsOf(sub);
    const seen = new Set(seqs);
    t.summary('summary', `sub${i}: ${seqs.length} received, ${N - seen.size} lost, ${seqs.length - seen.size} duplicated`);
  });
  t.summary('summary', `all subscribers saw the same order: ${orders.size === 1 ? 'yes' : `no (${orders.size} different orders)`}`);
}, { exclusive: true });

S('concurrency', '3 × 40 simultaneous connects: every connection gets its own identity', async (t) => {
  let wrong = 0;
  let welcomed = 0;
  let delivered = 0;
  for (let round = 0; round < 3; round++) {
    const clients = await Promise.all(Array.from({ length: 40 }, (_, i) => user(t, `r${round}u${i}`, `user-${round}-${i}`, { silent: true, recordHandshake: false })));
    welcomed += clients.filter((c) => c.frames[0] === '{"type":"welcome"}').length;
    clients.forEach((c, i) => c.subscribe(chat(`who-${round}-${i}`), { record: false }));
    await t.until(() => clients.every((c) => c.frames.length >= 2), 5000);
    clients.forEach((c, i) => c.perform(chat(`who-${round}-${i}`), { message: 'me' }, { record: false }));
    await t.until(() => clients.every((c) => c.frames.length >= 3), 5000);
    clients.forEach((c, i) => {
      const said = c.frames.map((f) => JSON.parse(f)).find((f) => f.message && f.message.current_user_id);
      if (said) delivered++;
      if (said && said.message.current_user_id !== `user-${round}-${i}`) {
        wrong++;
        t.info('summary', `user-${round}-${i} was identified as ${said.message.current_user_id}`);
      }
    });
    clients.forEach((c) => c.close());
    await t.sleep(300);
  }
  t.summary('summary', `${welcomed} of 120 welcomed, ${delivered} messages delivered`);
  t.summary('summary', `connections identified as someone else: ${wrong}`);
}, { exclusive: true });

S('ping', 'format, interval, one timer for all connections', async (t) => {
  const c1 = await user(t, 'c1', 'alice', { recordHandshake: false });
  const welcomedAt = Date.now();
  await t.sleep(1500);
  await user(t, 'c2', 'bob', { recordHandshake: false });
  await t.sleep(8000);
  const p1 = t.pings.filter((p) => p.conn === 'c1');
  const p2 = t.pings.filter((p) => p.conn === 'c2');
  for (const p of [...p1, ...p2]) {
    const masked = p.text.replace(/-?\d+/, '<unix seconds>');
    const fresh = Math.abs(p.value - p.at / 1000) <= 2;
    p.masked = fresh ? masked : `${masked} (value ${p.value} is not the current time!)`;
  }
  if (p1[0]) t.log('format', item('recv', `< ${p1[0].masked}`, { bytes: p1[0].masked }));
  t.summary('format', `every ping is {"type":"ping","message":<current unix seconds>}: ${[...p1, ...p2].every((p) => p.masked === '{"type":"ping","message":<unix seconds>}') ? 'yes' : 'no'}`);
  const intervals = p1.slice(1).map((p, i) => (p.at - p1[i].at) / 1000);
  t.summary('interval', `c1 got ${p1.length >= 3 ? '3 or more' : p1.length} pings in 9.5 s`);
  t.summary('interval', `c1's intervals all 3.0 ± 0.3 s: ${intervals.length && intervals.every((x) => Math.abs(x - 3) <= 0.3) ? 'yes' : 'no'}`);
  t.info('interval', `c1 intervals: ${intervals.map((x) => x.toFixed(2)).join(', ')} s; first ping ${p1[0] ? ((p1[0].at - welcomedAt) / 1000).toFixed(2) : '-'} s after the welcome`);
  const offsets = p2.map((p) => Math.min(...p1.map((q) => Math.abs(q.at - p.at))));
  t.summary('interval', `c2 (connected 1.5 s after c1) pinged at the same instants as c1: ${offsets.length && offsets.every((x) => x < 150) ? 'yes (one timer)' : 'no (a timer per connection)'}`);
  t.info('interval', `c2's offsets to c1's nearest ping: ${offsets.map((x) => `${x} ms`).join(', ')}`);
  void c1;
}, { exclusive: true });
