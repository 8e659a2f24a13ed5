// The JavaScript engine end to end, on the index the Swift builder made of Tests/Fixtures/search/corpus.json
// (Tests/Fixtures/search/golden-index/, kept in step with the builder by PortalSearchTests/GoldenIndexTests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SearchEngine, VocabularyFilter, decodeShard, decodeWeight, parseQuery, shardIndex,
} from '../../templates/static/js/search/engine.js';
import { MINIMUM_PART_LENGTH, terms } from '../../templates/static/js/search/analysis.js';
import { fixtureJSON, fixturePath } from './fixtures.mjs';

const corpus = fixtureJSON('search/corpus.json');
const judged = fixtureJSON('search/judged-queries.json');

/** An engine reading the golden index from disk, recording every file it loads. */
function goldenEngine() {
  const loaded = [];
  const engine = new SearchEngine({
    load: async (path) => {
      loaded.push(path);
      return new Uint8Array(readFileSync(fixturePath(`search/golden-index/${path}`)));
    },
  });
  return { engine, loaded };
}

const urls = (response) => response.results.map((result) => result.url);

test('the judged queries find their page among the first three results', async () => {
  assert.ok(judged.queries.length >= 20);
  const { engine } = goldenEngine();
  const failures = [];
  for (const { query, expected, covers } of judged.queries) {
    const found = urls(await engine.search(query, { limit: 3 }));
    if (!found.includes(expected)) failures.push(`${query} (${covers}): got ${found.join(', ') || 'nothing'}`);
  }
  assert.deepEqual(failures, []);
});

test('Antrag finds the Wohngeldantrag page through its compound part', async () => {
  const { engine } = goldenEngine();
  const response = await engine.search('Antrag', { limit: 50 });
  assert.ok(urls(response).includes('/massnahmen/wohngeld-vorpruefung/'));
  const result = response.results.find((entry) => entry.url === '/massnahmen/wohngeld-vorpruefung/');
  const marked = result.excerpt.marks.map(([start, end]) => result.excerpt.text.slice(start, end));
  assert.ok(marked.some((word) => word.startsWith('Wohngeldantr')), `marked: ${marked}`);
});

test('a whole-word match ranks above a compound-part match in the same field', async () => {
  const { engine } = goldenEngine();
  // „Erkennung“ is a word of its own in one title and only part of „Gesichtserkennung“ in another.
  const found = urls(await engine.search('Erkennung', { limit: 10 }));
  assert.ok(found.indexOf('/massnahmen/strassenschaeden-erkennung/') < found.indexOf('/massnahmen/gesichtserkennung-verzicht/'));
});

test('results carry the document metadata from the chunks', async () => {
  const { engine } = goldenEngine();
  const [first] = (await engine.search('Wohngeldantrag')).results;
  const page = corpus.find((document) => document.url === first.url);
  assert.equal(first.title, page.title);
  assert.equal(first.kind, page.kind);
  assert.equal(first.area, page.area);
  assert.equal(first.status, page.status);
  assert.equal(first.date, page.date);
  assert.equal(first.summary, page.summary);
});

test('excerpt and title marks point at the matching words', async () => {
  const { engine } = goldenEngine();
  const response = await engine.search('Bauanträge Vollständigkeit');
  assert.equal(response.mode, 'all');
  const [first] = response.results;
  assert.equal(first.url, '/massnahmen/bauantrag-assistent/');
  assert.deepEqual(first.titleMarks.map(([start, end]) => first.title.slice(start, end)),
    ['Bauanträge', 'Vollständigkeit']);
  const marked = first.excerpt.marks.map(([start, end]) => first.excerpt.text.slice(start, end));
  assert.ok(marked.includes('Bauanträge'), `marked: ${marked}`);
  for (const [start, end] of first.excerpt.marks) {
    assert.ok(start >= 0 && start < end && end <= first.excerpt.text.length);
  }
  assert.ok(first.excerpt.text.length <= 240);
});

test('filters by kind, area and status', async () => {
  const { engine, loaded } = goldenEngine();
  const all = await engine.search('KI', { limit: 100 });
  assert.ok(!loaded.some((path) => path.endsWith('facets.json')), 'facets are fetched only for filters');
  const measures = await engine.search('KI', { limit: 100, filters: { kind: ['measure'] } });
  assert.ok(measures.total > 0 && measures.total < all.total);
  assert.ok(measures.results.every((result) => result.kind === 'measure'));
  const pilots = await engine.search('KI', { limit: 100, filters: { kind: ['measure'], status: ['pilot', 'in-use'] } });
  assert.ok(pilots.total > 0 && pilots.total <= measures.total);
  assert.ok(pilots.results.every((result) => ['pilot', 'in-use'].includes(result.status)));
  const area = await engine.search('Gesichtserkennung', { filters: { area: ['ordnung'] } });
  assert.deepEqual(new Set(area.results.map((result) => result.area)), new Set(['ordnung']));
  const unknownValue = await engine.search('KI', { filters: { area: ['gibt-es-nicht'] } });
  assert.equal(unknownValue.total, 0);
});

test('the last word is a prefix while typing, not after a space', async () => {
  const { engine } = goldenEngine();
  assert.ok(urls(await engine.search('Chatb')).includes('/massnahmen/buergerservice-chatbot/'));
  assert.equal((await engine.search('Chatb ')).total, 0);
  assert.equal((await engine.search('Chatb', { prefix: false })).total, 0);
});

test('if no page has every word, pages with some of them come first by how many they have', async () => {
  const { engine } = goldenEngine();
  const response = await engine.search('Meldebescheinigung beantragen Reisepass');
  assert.equal(response.mode, 'some');
  assert.equal(response.results[0].url, '/massnahmen/buergerservice-chatbot/');
});

test('stop words alone and empty queries find nothing', async () => {
  const { engine } = goldenEngine();
  for (const query of ['', '   ', 'die und der', '…!?']) {
    const response = await engine.search(query);
    assert.equal(response.total, 0, query);
    assert.equal(response.mode, 'none', query);
  }
});

test('paging returns every result once, in a stable order', async () => {
  const { engine } = goldenEngine();
  const everything = await engine.search('KI', { limit: 1000 });
  const pages = [];
  for (let offset = 0; offset < everything.total; offset += 4) {
    pages.push(...urls(await engine.search('KI', { limit: 4, offset })));
  }
  assert.deepEqual(pages, urls(everything));
  assert.equal(new Set(pages).size, pages.length);
});

test('a query downloads the manifest, one shard per word and one chunk per distinct result chunk', async () => {
  const { engine, loaded } = goldenEngine();
  const response = await engine.search('Gesichtserkennung ', { limit: 10 });
  const manifest = JSON.parse(readFileSync(fixturePath('search/golden-index/manifest.json'), 'utf8'));
  const shards = loaded.filter((path) => path.includes('/terms/'));
  const chunks = loaded.filter((path) => path.includes('/docs/'));
  assert.equal(loaded[0], 'manifest.json');
  assert.equal(shards.length, 1);
  const chunkSize = manifest.documentChunks.size;
  assert.ok(chunks.length <= response.results.length && chunks.length <= Math.ceil(manifest.documents / chunkSize));
  assert.ok(!loaded.some((path) => path.endsWith('vocabulary.bin')), 'the vocabulary is only for unknown compounds');
  assert.equal(new Set(loaded).size, loaded.length, 'nothing is loaded twice');
});

test('an unknown compound loads the vocabulary filter once and is split', async () => {
  const { engine, loaded } = goldenEngine();
  const response = await engine.search('Wohngeldunterlagen');
  assert.equal(response.results[0].url, '/massnahmen/wohngeld-vorpruefung/');
  await engine.search('Bauantragsverfahren');
  assert.equal(loaded.filter((path) => path.endsWith('vocabulary.bin')).length, 1);
});

test('every word of the corpus is in the vocabulary filter the Swift builder wrote', () => {
  const manifest = JSON.parse(readFileSync(fixturePath('search/golden-index/manifest.json'), 'utf8'));
  const bytes = new Uint8Array(readFileSync(fixturePath(`search/golden-index/${manifest.version}/vocabulary.bin`)));
  const filter = new VocabularyFilter(bytes, manifest.vocabulary.hashes);
  assert.equal(bytes.length * 8, manifest.vocabulary.bits);
  const vocabulary = new Set();
  for (const document of corpus) {
    for (const field of [document.title, document.summary, document.body]) {
      for (const term of terms(field)) {
        if (Array.from(term).length >= MINIMUM_PART_LENGTH && !/\p{N}/u.test(term)) vocabulary.add(term);
      }
    }
  }
  assert.equal(vocabulary.size, manifest.vocabulary.count);
  const missing = [...vocabulary].filter((key) => !filter.mayContain(key));
  assert.deepEqual(missing, []);
  const absent = ['xylophonkonzert', 'quarkspeise', 'zzzz', 'donaudampfschiff', 'raumfahrt'];
  assert.ok(absent.filter((key) => filter.mayContain(key)).length <= 1, 'false positives stay rare');
});

test('every term sits in the shard the manifest points to, in byte order', () => {
  const manifest = JSON.parse(readFileSync(fixturePath('search/golden-index/manifest.json'), 'utf8'));
  const boundaries = manifest.terms.shards;
  let count = 0;
  let previous = null;
  boundaries.forEach((_, index) => {
    const bytes = new Uint8Array(readFileSync(fixturePath(`search/golden-index/${manifest.version}/terms/${index}.bin`)));
    for (const entry of decodeShard(bytes).entries) {
      assert.equal(shardIndex(boundaries, entry.key), index, entry.key);
      if (previous !== null) assert.ok(Buffer.compare(Buffer.from(previous), Buffer.from(entry.key)) < 0);
      previous = entry.key;
      count += 1;
      assert.ok(entry.documentFrequency > 0 && entry.documentFrequency <= manifest.documents);
    }
  });
  assert.equal(count, manifest.terms.count);
});

test('weight bytes decode like the Swift encoder writes them', () => {
  assert.equal(decodeWeight(1), 1 / 256);
  assert.equal(decodeWeight(31), 31 / 256);
  assert.equal(decodeWeight(32), 32 / 256);
  assert.equal(decodeWeight(48), 64 / 256);
  assert.equal(decodeWeight(255), (31 * 2 ** 14) / 256);
  for (let code = 1; code < 256; code += 1) assert.ok(decodeWeight(code) > decodeWeight(code - 1));
});

test('queries become clauses: stop words dropped, hyphen groups as alternatives, last word a prefix', () => {
  const clauses = parseQuery('Die KI-Verordnung und Bürgerserv');
  assert.equal(clauses.length, 2);
  assert.deepEqual(clauses[0].alternatives.map((alternative) => alternative.map((spec) => spec.key)),
    [['kiverordn'], ['ki', 'verordn']]);
  assert.equal(clauses[1].alternatives[0][0].prefix, true);
  assert.equal(clauses[1].alternatives[0][0].alpha, 'burgerserv');
  assert.equal(parseQuery('Bürgerserv ')[0].alternatives[0][0].prefix, false);
});
