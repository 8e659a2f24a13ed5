// Measures what a first search downloads, on an index written to disk by the Swift benchmark:
//   PORTAL_SEARCH_BENCHMARK=1 PORTAL_SEARCH_BENCHMARK_OUTPUT=/tmp/bench-index \
//     swift test -c release -Xswiftc -enable-testing --filter IndexBenchmarkTests
//   node Tests/js/measure-first-query.mjs /tmp/bench-index/suche/index
// Every query runs on a fresh engine (nothing cached). Sizes are raw and gzip -6 (what a server sends with
// compression on); the engine's JavaScript modules are listed separately.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { SearchEngine } from '../../templates/static/js/search/engine.js';

const root = process.argv[2];
if (!root) {
  console.error('usage: node Tests/js/measure-first-query.mjs <index folder with manifest.json>');
  process.exit(2);
}

const queries = process.argv.slice(3).length > 0 ? process.argv.slice(3) : [
  'Bauantrag', 'Wohngeld', 'Chatbot Bürgerservice', 'Datenschutz', 'Verwaltung', 'Straßenschäden',
  'Gesichtserkennung', 'KI-Verordnung', 'Kita Anmeldung', 'Personal Schulung', 'Übersetzung', 'Fachausschuss',
  'Haushalt Mittel', 'Bürgers', 'Verkehrsplanung', 'Feuerwehr', 'Antrag', 'Klima Energie',
  'Parkplatz', 'Algorithmus Transparenz',
];

const gzipSize = (bytes) => gzipSync(bytes, { level: 6 }).length;
const sum = (values) => values.reduce((total, value) => total + value, 0);

async function measure(query) {
  const loads = [];
  let order = 0;
  const engine = new SearchEngine({
    load: async (path) => {
      const bytes = new Uint8Array(readFileSync(`${root}/${path}`));
      loads.push({ path, raw: bytes.length, gzip: gzipSize(bytes), order: order += 1 });
      return bytes;
    },
  });
  const started = performance.now();
  const response = await engine.search(query, { limit: 10 });
  const milliseconds = performance.now() - started;
  const chunkOf = (url) => loads.find((load) => load.path.includes('/docs/') &&
    JSON.parse(readFileSync(`${root}/${load.path}`, 'utf8')).some((row) => row[0] === url));
  const index = loads.filter((load) => !load.path.includes('/docs/'));
  const firstChunk = response.results.length > 0 ? chunkOf(response.results[0].url) : null;
  const firstResult = [...index, ...(firstChunk ? [firstChunk] : [])];
  return {
    query,
    total: response.total,
    files: loads.length,
    firstResultGzip: sum(firstResult.map((load) => load.gzip)),
    firstPageGzip: sum(loads.map((load) => load.gzip)),
    firstPageRaw: sum(loads.map((load) => load.raw)),
    indexGzip: sum(index.map((load) => load.gzip)),
    milliseconds,
  };
}

const rows = [];
for (const query of queries) rows.push(await measure(query));
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(6);
console.log('query                      total files  index  1st result  1st page (gzip KB)  raw KB    ms');
for (const row of rows) {
  console.log(`${row.query.padEnd(26)} ${String(row.total).padStart(5)} ${String(row.files).padStart(5)} ${kb(row.indexGzip)}  ${kb(row.firstResultGzip)}     ${kb(row.firstPageGzip)}        ${kb(row.firstPageRaw)} ${row.milliseconds.toFixed(0).padStart(5)}`);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`median: first result ${kb(median(rows.map((row) => row.firstResultGzip)))} KB, first page of 10 ${kb(median(rows.map((row) => row.firstPageGzip)))} KB; max first page ${kb(Math.max(...rows.map((row) => row.firstPageGzip)))} KB`);

const scripts = ['analysis.js', 'stemmer.js', 'engine.js', 'ui.js'].map((name) => {
  const path = fileURLToPath(new URL(`../../templates/static/js/search/${name}`, import.meta.url));
  try {
    const bytes = readFileSync(path);
    return { name, raw: bytes.length, gzip: gzipSize(bytes) };
  } catch {
    return { name, raw: 0, gzip: 0 };
  }
});
console.log(`scripts: ${scripts.map((script) => `${script.name} ${kb(script.gzip)}`).join(', ')}; total ${kb(sum(scripts.map((script) => script.gzip)))} KB gzip`);
