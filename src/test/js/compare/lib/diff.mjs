// Compares what two servers did in one scenario, section by section, item by item.

export const SAME = 'SAME';
export const SAME_JSON = 'SAME-JSON';
export const DIFFERENT = 'DIFFERENT';
const RANK = { [SAME]: 0, [SAME_JSON]: 1, [DIFFERENT]: 2 };

export function worst(a, b) {
  return RANK[a] >= RANK[b] ? a : b;
}

/** { verdict, why } for two items at the same place. */
export function compareItems(a, b) {
  if (!a || !b) return { verdict: DIFFERENT, why: 'missing on one side' };
  if (a.k !== b.k) return { verdict: DIFFERENT, why: `${a.k} vs ${b.k}` };
  if (a.bytes === b.bytes) return { verdict: SAME, why: '' };
  if (a.json && b.json) {
    if (a.json.ordered === b.json.ordered) return { verdict: SAME_JSON, why: 'same JSON, different bytes' };
    if (a.json.sorted === b.json.sorted) return { verdict: SAME_JSON, why: 'same JSON, different key order' };
    return { verdict: DIFFERENT, why: 'different JSON' };
  }
  return { verdict: DIFFERENT, why: !!a.json !== !!b.json ? 'JSON on one side only' : 'different text' };
}

function comparable(items, unordered) {
  const kept = items.filter((entry) => entry.k !== 'info');
  if (!unordered) return kept;
  const other = kept.filter((entry) => entry.k !== 'recv');
  const received = kept.filter((entry) => entry.k === 'recv').sort((x, y) => (x.bytes < y.bytes ? -1 : x.bytes > y.bytes ? 1 : 0));
  return [...other, ...received];
}

/**
 * Lines up two item lists like a diff: the longest common subsequence of items that match (same
 * bytes or same JSON); between two matches, the leftovers of both sides are paired in order, and
 * what remains on one side only is a row with nothing on the other.
 */
export function align(listA, listB) {
  const n = listA.length;
  const m = listB.length;
  const matches = (i, j) => compareItems(listA[i], listB[j]).verdict !== DIFFERENT;
  const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = matches(i, j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows = [];
  let gapA = [];
  let gapB = [];
  const flush = () => {
    for (let k = 0; k < Math.max(gapA.length, gapB.length); k++) {
      const { verdict, why } = compareItems(gapA[k], gapB[k]);
      rows.push({ a: gapA[k], b: gapB[k], verdict, why });
    }
    gapA = [];
    gapB = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && matches(i, j) && lcs[i][j] === lcs[i + 1][j + 1] + 1) {
      flush();
      const { verdict, why } = compareItems(listA[i], listB[j]);
      rows.push({ a: listA[i], b: listB[j], verdict, why });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      gapA.push(listA[i++]);
    } else {
      gapB.push(listB[j++]);
    }
  }
  flush();
  return rows;
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
    const rows = align(listA, listB);
    let sectionVerdict = SAME;
    for (const row of rows) {
      sectionVerdict = worst(sectionVerdict, row.verdict);
      if (row.why) whys.add(row.why);
    }
    const infoA = (resultA.sections.get(name) ?? []).filter((entry) => entry.k === 'info');
    const infoB = (resultB.sections.get(name) ?? []).filter((entry) => entry.k === 'info');
    sections.push({ name, verdict: sectionVerdict, rows, infoA, infoB, unordered });
    verdict = worst(verdict, sectionVerdict);
  }
  return { verdict, why: [...whys], sections };
}
