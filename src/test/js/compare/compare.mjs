#!/usr/bin/env node
// Sends the same frames to two ActionCable servers (JCable's demo and the Rails reference) and reports,
// scenario by scenario, what each one answered and whether that is the same: byte for byte (SAME),
// the same JSON in other bytes (SAME-JSON), or not (DIFFERENT). See README.md.
//
//   node compare.mjs --a ws://127.0.0.1:18300 --b ws://127.0.0.1:18301 --label-a rails --label-b jcable
import fs from 'node:fs';
import net from 'node:net';
import { Trial } from './lib/trial.mjs';
import { compareResults, SAME, SAME_JSON, DIFFERENT } from './lib/diff.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { makeTokens } from './lib/tokens.mjs';
import { known, knownFor } from './lib/known.mjs';

const USAGE = `usage: node compare.mjs --a ws://HOST:PORT --b ws://HOST:PORT [options]
  --http-a URL, --http-b URL   HTTP base of each server (default: the ws URL as http)
  --label-a NAME, --label-b NAME   names in the output (default A, B)
  --secret S        JWT HS256 secret of both servers (default demo-secret)
  --key K           broadcast key of both servers (default demo-key)
  --origin O        Origin sent by normal connections; the origin scenarios expect both servers
                    to be started with CABLE_ALLOWED_ORIGINS=O (default http://good.example)
  --only REGEX      run the scenarios whose name matches (case-insensitive)
  --skip REGEX      leave out the scenarios whose name matches
  --list            list the scenarios and exit
  --sequential      run each scenario on A, then on B (default: both at once, except the
                    timing-sensitive ones, which always run one server at a time)
  --quiet-ms N      a server is done answering after N ms of silence (default 500)
  --verbose         print every scenario's transcript, not only those that differ
  --report FILE     also write a Markdown report (summary table and every difference)
  --json FILE       also write the raw results as JSON
  --fail-on-new     exit 1 when a scenario differs in a way lib/known.mjs does not list
  --fail-on-diff    exit 1 when any scenario is DIFFERENT`;

function parseArgs(argv) {
  const options = {
    labelA: 'A', labelB: 'B', secret: 'demo-secret', key: 'demo-key', origin: 'http://good.example',
    quietMs: 500, sequential: false, verbose: false, failOnDiff: false,
  };
  const flags = { '--sequential': 'sequential', '--verbose': 'verbose', '--fail-on-diff': 'failOnDiff', '--fail-on-new': 'failOnNew', '--list': 'list' };
  const values = {
    '--a': 'a', '--b': 'b', '--http-a': 'httpA', '--http-b': 'httpB', '--label-a': 'labelA', '--label-b': 'labelB',
    '--secret': 'secret', '--key': 'key', '--origin': 'origin', '--only': 'only', '--skip': 'skip',
    '--quiet-ms': 'quietMs', '--report': 'report', '--json': 'json',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (flags[arg]) {
      options[flags[arg]] = true;
    } else if (values[arg] && i + 1 < argv.length) {
      options[values[arg]] = argv[++i];
    } else {
      console.error(`unknown argument ${arg}\n${USAGE}`);
      process.exit(2);
    }
  }
  options.quietMs = Number(options.quietMs);
  return options;
}

/** ws://host:port[/cable] → { ws: 'ws://host:port', http: 'http://host:port' } */
function endpoint(wsUrl, httpUrl, label) {
  const url = new URL(wsUrl);
  const ws = `${url.protocol}//${url.host}`;
  const http = httpUrl ? httpUrl.replace(/\/$/, '') : `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`;
  return { label, ws, http, host: url.hostname, port: Number(url.port) };
}

function reachable({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function runOn(scenario, server, options) {
  const trial = new Trial(server, options);
  trial.tokens = makeTokens(options.secret);
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 90000).unref());
  try {
    const outcome = await Promise.race([scenario.run(trial), timeout]);
    if (outcome === 'timeout') trial.log('error', { k: 'error', text: 'scenario timed out after 90 s', bytes: 'timeout', json: null });
  } catch (error) {
    trial.log('error', { k: 'error', text: `scenario failed: ${error.stack}`, bytes: String(error), json: null });
  } finally {
    trial.recording = false;
    trial.closeAll();
  }
  await new Promise((resolve) => setTimeout(resolve, 100)); // let the closes reach the server
  return trial.toResult();
}

/** "known F3 (c), F7 (c)" or "NEW" for a scenario that is not SAME; "" for SAME. */
function annotation(result) {
  if (result.comparison.verdict === SAME) return '';
  const entries = knownFor(result.scenario.name);
  return entries.length ? `known ${entries.map((e) => `${e.id} (${e.cls})`).join(', ')}` : 'NEW';
}

const MARK = { [SAME]: '=', [SAME_JSON]: '~', [DIFFERENT]: '≠' };

function transcript(comparison, labelA, labelB, { markdown = false } = {}) {
  const width = Math.max(labelA.length, labelB.length);
  const pad = (s) => s.padEnd(width);
  const lines = [];
  for (const section of comparison.sections) {
    lines.push(`[${section.name}]${section.unordered ? ' (received frames compared in any order)' : ''}`);
    for (const row of section.rows) {
      if (row.verdict === SAME) {
        lines.push(`  ${MARK[SAME]} ${pad('')} ${row.a.text}`);
      } else {
        lines.push(`  ${MARK[row.verdict]} ${pad(labelA)} ${row.a ? row.a.text : '(nothing)'}`);
        lines.push(`    ${pad(labelB)} ${row.b ? row.b.text : '(nothing)'}${row.why ? `   [${row.why}]` : ''}`);
      }
    }
    const infoA = section.infoA.map((entry) => entry.text).join(' | ');
    const infoB = section.infoB.map((entry) => entry.text).join(' | ');
    if (infoA || infoB) {
      if (infoA === infoB) lines.push(`  i ${pad('')} ${infoA}`);
      else {
        lines.push(`  i ${pad(labelA)} ${infoA || '-'}`);
        lines.push(`    ${pad(labelB)} ${infoB || '-'}`);
      }
    }
  }
  return markdown ? lines.join('\n') : lines.map((line) => `    ${line}`).join('\n');
}

function markdownReport(results, options, startedAt) {
  const { labelA, labelB } = options;
  const counts = { [SAME]: 0, [SAME_JSON]: 0, [DIFFERENT]: 0 };
  results.forEach((r) => counts[r.comparison.verdict]++);
  const out = [];
  out.push(`# Comparison: ${labelA} (${options.a}) vs ${labelB} (${options.b})`, '');
  out.push(`Run ${startedAt.toISOString()}; ${results.length} scenarios: ${counts[SAME]} SAME, ${counts[SAME_JSON]} SAME-JSON (same JSON, other bytes), ${counts[DIFFERENT]} DIFFERENT.`, '');
  out.push('| # | Scenario | Verdict | Why | Finding |', '|---|---|---|---|---|');
  const cell = (text) => text.replace(/\|/g, '\\|');
  results.forEach((r, i) => {
    out.push(`| ${i + 1} | ${cell(r.scenario.name)} | ${r.comparison.verdict} | ${cell(r.comparison.why.join('; '))} | ${annotation(r)} |`);
  });
  out.push('', '## Transcripts of the scenarios that differ', '');
  out.push(`\`=\` same bytes on both; \`~\` same JSON, other bytes; \`≠\` different (first line ${labelA}, second ${labelB}); \`i\` information, not compared. \`>\` sent by the client, \`<\` sent by the server.`, '');
  results.forEach((r, i) => {
    if (r.comparison.verdict === SAME) return;
    out.push(`### ${i + 1}. ${r.scenario.name} — ${r.comparison.verdict}`, '', '```', transcript(r.comparison, labelA, labelB, { markdown: true }), '```', '');
  });
  return out.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let selected = scenarios;
  if (options.only) selected = selected.filter((s) => new RegExp(options.only, 'i').test(s.name));
  if (options.skip) selected = selected.filter((s) => !new RegExp(options.skip, 'i').test(s.name));
  if (options.list) {
    selected.forEach((s, i) => console.log(`${String(i + 1).padStart(3)}  ${s.name}${s.exclusive ? '  (one server at a time)' : ''}`));
    return 0;
  }
  if (!options.a || !options.b) {
    console.error(USAGE);
    return 2;
  }
  const serverA = endpoint(options.a, options.httpA, options.labelA);
  const serverB = endpoint(options.b, options.httpB, options.labelB);
  for (const server of [serverA, serverB]) {
    if (!(await reachable(server))) {
      console.error(`${server.label}: nothing listens on ${server.host}:${server.port}`);
      return 2;
    }
  }
  const startedAt = new Date();
  const results = [];
  for (const [index, scenario] of selected.entries()) {
    let resultA;
    let resultB;
    if (options.sequential || scenario.exclusive) {
      resultA = await runOn(scenario, serverA, options);
      resultB = await runOn(scenario, serverB, options);
    } else {
      [resultA, resultB] = await Promise.all([runOn(scenario, serverA, options), runOn(scenario, serverB, options)]);
    }
    const comparison = compareResults(resultA, resultB);
    results.push({ scenario, comparison, resultA, resultB });
    const why = comparison.why.length ? ` — ${comparison.why.join('; ')}` : '';
    const note = annotation(results[results.length - 1]);
    console.log(`${String(index + 1).padStart(3)} [${comparison.verdict}] ${scenario.name}${why}${note ? `  {${note}}` : ''}`);
    if (options.verbose || comparison.verdict !== SAME) {
      console.log(transcript(comparison, options.labelA, options.labelB));
    }
  }
  const counts = { [SAME]: 0, [SAME_JSON]: 0, [DIFFERENT]: 0 };
  results.forEach((r) => counts[r.comparison.verdict]++);
  console.log(`\n${results.length} scenarios: ${counts[SAME]} SAME, ${counts[SAME_JSON]} SAME-JSON, ${counts[DIFFERENT]} DIFFERENT`);
  const fresh = results.filter((r) => annotation(r) === 'NEW');
  console.log(fresh.length ? `NEW differences (not in lib/known.mjs): ${fresh.length}\n${fresh.map((r) => `  ${r.scenario.name}`).join('\n')}` : 'no NEW differences: every one is in lib/known.mjs');
  for (const entry of known) {
    const relevant = results.filter((r) => entry.scenarios.some((p) => p.test(r.scenario.name)));
    if (relevant.length && relevant.every((r) => r.comparison.verdict === SAME)) {
      console.log(`known ${entry.id} (${entry.cls}) not seen any more${entry.flaky ? ' (timing-dependent: may come back)' : ''}: ${entry.title}`);
    }
  }
  if (options.report) {
    fs.writeFileSync(options.report, `${markdownReport(results, options, startedAt)}\n`);
    console.log(`report written to ${options.report}`);
  }
  if (options.json) {
    const plain = results.map((r) => ({
      scenario: r.scenario.name,
      verdict: r.comparison.verdict,
      why: r.comparison.why,
      [options.labelA]: Object.fromEntries([...r.resultA.sections].map(([name, items]) => [name, items.map((x) => ({ k: x.k, text: x.text }))])),
      [options.labelB]: Object.fromEntries([...r.resultB.sections].map(([name, items]) => [name, items.map((x) => ({ k: x.k, text: x.text }))])),
    }));
    fs.writeFileSync(options.json, `${JSON.stringify(plain, null, 2)}\n`);
  }
  if (options.failOnNew && fresh.length) return 1;
  return options.failOnDiff && counts[DIFFERENT] > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
