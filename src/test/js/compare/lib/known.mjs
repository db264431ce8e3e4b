// The differences between the Rails reference and JCable's demo that have been looked at, with the
// classification of FINDINGS.md: (a) JCable deliberately better, (b) harmless, (c) JCable bug or
// contract deviation. compare.mjs marks each SAME-JSON / DIFFERENT scenario with the entries whose
// pattern matches its name, or as NEW. Timing-dependent entries (flaky: true) may or may not show.

export const known = [
  { id: 'F1', cls: 'a', title: 'a lone surrogate in a payload: JCable delivers it escaped (\\ud800) and carries on; Rails refuses that JSON and sends nothing (fixed in JCable: it used to wedge the receiving connection)', scenarios: [/^robustness: /, /^benchmark: echo: lone surrogate$/] },
  { id: 'F2', cls: 'a', title: 'jcable.max-frame-size (2 MiB): JCable closes any bigger message with 1009, single frame or fragmented; Rails accepts up to 64 MiB', scenarios: [/^size: (3 MiB in one frame|3 MiB in 3 fragments|5 MiB in one frame)$/] },
  { id: 'F8', cls: 'a', title: 'unknown channel: JCable rejects, Rails stays silent (the client would retry forever)', scenarios: [/^reject: (unknown channel|channel name in lower case|empty channel name|channel Object)$/, /ProbeChannel/] },
  { id: 'F9', cls: 'a', title: "Rails subscribes to base classes and '::'-prefixed names (constantize quirk); JCable rejects them", scenarios: [/^reject: channel (ApplicationCable::Channel|ActionCable::Channel::Base|::ChatChannel)/] },
  { id: 'F10', cls: 'a', title: 'order: JCable keeps per-stream and per-connection order; Rails reorders, and drops messages sent right after their subscribe', scenarios: [/^order: burst/, /^subscribe: (50 pipelined subscribes|subscribe and message pipelined, 20 rooms)$/], flaky: true },
  { id: 'F11', cls: 'a', title: 'lone surrogates in identifiers: Rails cannot parse them (silence), JCable confirms and echoes them escaped', scenarios: [/^subscribe: lone surrogate/] },
  { id: 'F12', cls: 'a', title: 'numbers outside double range: Rails turns 1e400 into null, JCable keeps the value', scenarios: [/^benchmark: echo: number out of double range$/] },
  { id: 'F13', cls: 'a', title: 'HTTP broadcast API accepts an AnyCable batch (JSON array), Rails answers 422', scenarios: [/^http: 201\?: a batch/] },
  { id: 'F14', cls: 'b', title: 'Rails escapes < > & U+2028 U+2029 as \\u003c..., JCable sends them raw in payloads', scenarios: [/< > &/, /^stream name: object room$/, /^chat: receive: object message$/] },
  { id: 'F15', cls: 'b', title: 'number spelling: Rails re-encodes through Ruby Float (1.5, 1000.0, 1.0e-07), JCable keeps the decimal (1.50, 1E+3, 1E-7)', scenarios: [/^benchmark: echo: number formats$/, /^http: 201: data a decimal/] },
  { id: 'F16', cls: 'b', title: 'close reason after the unauthorized disconnect: JCable "unauthorized", Rails empty (both code 1000)', scenarios: [/^auth: /] },
  { id: 'F17', cls: 'b', title: 'refused origin: JCable 403 with an empty body, Rails 404 "Page not found"', scenarios: [/^origin: (foreign origin|allowed origin with a trailing slash|Origin: null)$/] },
  { id: 'F18', cls: 'b', title: 'origins are compared as origins by JCable (letter case, explicit default port), as exact strings by Rails', scenarios: [/^origin: allowed origin (in upper case|with explicit default port)$/] },
  { id: 'F22', cls: 'a', title: 'no Origin header while a list is set: JCable admits it (no browser page sent it, so it carries no credentials a page could borrow: issue 23), Rails answers 404', scenarios: [/^origin: no Origin header$/] },
  { id: 'F23', cls: 'a', title: 'validation (docs/DEMO.md): a blank, missing or null chat line is not broadcast; JCable tells its sender alone why, Rails broadcasts an empty line', scenarios: [/^chat: receive: (empty string|missing|null) message$/] },
  { id: 'F19', cls: 'b', title: "Ruby's JSON parser accepts /* comments */ and nests at most 100 deep; JCable's is strict RFC 8259 with a deeper limit", scenarios: [/JSON with a comment|JSON comment/, /^benchmark: echo: nesting depth 150$/] },
  { id: 'F20', cls: 'b', title: 'BenchmarkChannel broadcast: Rails sends the sender broadcastResult first, JCable the broadcast first', scenarios: [/^benchmark: broadcast to two subscribers$/] },
  { id: 'F21', cls: 'b', title: 'HTTP outside the contract: GET /cable and /_broadcast/x bodies and statuses, GET / demo page, upgrade on /cable/extra, Sec-WebSocket-Version 8', scenarios: [/^handshake: (plain GET \/cable|GET \/ |upgrade on another path|upgrade with Sec-WebSocket-Version 8)/, /^http: 201\?: a sub-path/] },
];

/** The known entries for a scenario name. */
export function knownFor(name) {
  return known.filter((entry) => entry.scenarios.some((pattern) => pattern.test(name)));
}
