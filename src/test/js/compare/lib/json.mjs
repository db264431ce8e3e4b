// Exact JSON comparison: JSON.parse would turn 1e400 into Infinity (then "null") and round big
// integers, so this parser keeps every number as an exact decimal (1.50 = 1.5 = 15e-1, -0 = 0).

/** The canonical forms of `text`: { ordered, sorted } (members in their order / sorted), or null. */
export function canonicalJson(text) {
  let at = 0;
  const fail = () => {
    throw new SyntaxError(`bad JSON at ${at}`);
  };
  const ws = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const value = () => {
    ws();
    const c = text[at];
    if (c === '{') {
      at++;
      const members = [];
      ws();
      if (text[at] === '}') {
        at++;
        return { members };
      }
      for (;;) {
        ws();
        if (text[at] !== '"') fail();
        const key = string();
        ws();
        if (text[at++] !== ':') fail();
        members.push([key, value()]);
        ws();
        if (text[at] === ',') at++;
        else if (text[at] === '}') {
          at++;
          return { members };
        } else fail();
      }
    }
    if (c === '[') {
      at++;
      const items = [];
      ws();
      if (text[at] === ']') {
        at++;
        return { items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[at] === ',') at++;
        else if (text[at] === ']') {
          at++;
          return { items };
        } else fail();
      }
    }
    if (c === '"') return { string: string() };
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return { literal };
      }
    }
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 10000));
    if (!match) fail();
    at += match[0].length;
    return { number: canonicalNumber(match[0]) };
  };
  const string = () => {
    const match = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(at));
    if (!match) fail();
    at += match[0].length;
    return JSON.parse(match[0]);
  };
  const render = (node, sort) => {
    if (node.members) {
      const members = sort ? [...node.members].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : node.members;
      return `{${members.map(([key, v]) => `${JSON.stringify(key)}:${render(v, sort)}`).join(',')}}`;
    }
    if (node.items) return `[${node.items.map((v) => render(v, sort)).join(',')}]`;
    if ('string' in node) return JSON.stringify(node.string);
    if (node.literal) return node.literal;
    return node.number;
  };
  try {
    const root = value();
    ws();
    if (at !== text.length) return null;
    return { ordered: render(root, false), sorted: render(root, true) };
  } catch {
    return null;
  }
}

/** An exact decimal in one spelling: "-0" → "0", "1.50" → "15e-1", "1e3" → "1e3", "1000.0" → "1e3". */
function canonicalNumber(token) {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(token);
  const sign = match[1];
  let digits = match[2] + (match[3] ?? '');
  let exponent = BigInt(match[4] ?? 0) - BigInt((match[3] ?? '').length);
  digits = digits.replace(/^0+/, '');
  if (digits === '') return '0';
  const trailing = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += BigInt(trailing);
  return `${sign}${digits}e${exponent}`;
}
