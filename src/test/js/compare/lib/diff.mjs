// Compares what two servers did in one scenario, section by section, item by item.

export const SAME = 'SAME';
export const SAME_JSON = 'SAME-JSON';
export const DIFFERENT = 'DIFFERENT';
const RANK = { [SAME]: 0, [SAME_JSON]: 1, [DIFFERENT]: 2 };

export function worst(a, b) {
  return RANK[a] >= RANK[b] ? a : b;
}

function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys(value[key])]));
  }
  return value;
}

/** { verdict, why } for two items at the same place. */
export function compareItems(a, b) {
  if (!a || !b) return { verdict: DIFFERENT, why: 'missing on one side' };
  if (a.k !== b.k) return { verdict: DIFFERENT, why: `${a.k} vs ${b.k}` };
  if (a.bytes === b.bytes) return { verdict: SAME, why: '' };
  if (a.json.ok && b.json.ok) {
    if (JSON.stringify(a.json.value) === JSON.stringify(b.json.value)) {
      return { verdict: SAME_JSON, why: 'same JSON, different bytes' };
    }
    if (JSON.stringify(sortedKeys(a.json.value)) === JSON.stringify(sortedKeys(b.json.value))) {
      return { verdict: SAME_JSON, why: 'same JSON, different key order' };
    }
    return { verdict: DIFFERENT, why: 'different JSON' };
  }
  return { verdict: DIFFERENT, why: a.json.ok !== b.json.ok ? 'JSON on one side only' : 'different text' };
}

function comparable(items, unordered) {
  const kept = items.filter((entry) => entry.k !== 'info');
  if (!unordered) return kept;
  const other = kept.filter((entry) => entry.k !== 'recv');
  const received = kept.filter((entry) => entry.k === 'recv').sort((x, y) => (x.bytes < y.bytes ? -1 : x.bytes > y.bytes ? 1 : 0));
  return [...other, ...received];
}

/**
 * Compares two results ({ sections: Map<name, item[]>, unordered: Set }). Returns
 * { verdict, why: string[], sections: [{ name, verdict, rows: [{ a, b, verdict, why }] }] }.
 */
export function compareResults(resultA, resultB) {
  let verdict = SAME;
  const whys = new Set();
  const names = [...new Set([...resultA.sections.keys(), ...resultB.sections.keys()])];
  const sections = [];
  for (const name of names) {
    const unordered = resultA.unordered.has(name) || resultB.unordered.has(name);
    const listA = comparable(resultA.sections.get(name) ?? [], unordered);
    const listB = comparable(resultB.sections.get(name) ?? [], unordered);
    const rows = [];
    let sectionVerdict = SAME;
    for (let i = 0; i < Math.max(listA.length, listB.length); i++) {
      const { verdict: v, why } = compareItems(listA[i], listB[i]);
      rows.push({ a: listA[i], b: listB[i], verdict: v, why });
      sectionVerdict = worst(sectionVerdict, v);
      if (why) whys.add(why);
    }
    const infoA = (resultA.sections.get(name) ?? []).filter((entry) => entry.k === 'info');
    const infoB = (resultB.sections.get(name) ?? []).filter((entry) => entry.k === 'info');
    sections.push({ name, verdict: sectionVerdict, rows, infoA, infoB, unordered });
    verdict = worst(verdict, sectionVerdict);
  }
  return { verdict, why: [...whys], sections };
}
