// The query side of the site search: loads the index written by Sources/PortalSearch/SearchIndexBuilder.swift
// piece by piece, ranks with BM25F, and returns results with excerpt ranges to mark.
//
// Usage:
//   const engine = new SearchEngine({ baseURL: '/suche/index/' });
//   const { total, results } = await engine.search('Bauanträge', { filters: { kind: ['measure'] } });
// Tests inject `load(path) → Promise<Uint8Array>` instead of fetching.
//
// What a query downloads: manifest.json once, one term shard per word (a few neighbouring ones for the prefix of
// the last word while typing), one metadata chunk per shown result, facets.json only when filtering, and the
// vocabulary filter only to split a compound the index does not know as a whole.

import {
  MINIMUM_PART_LENGTH, compareCodePoints, isStopWord, splitCompound, stem, toStemAlphabet, tokenize,
} from './analysis.js';

/** Index format this engine reads (manifest.json "format"). */
export const FORMAT = 1;

/** Score factor for words that only start with the last query word (as-you-type). */
export const PREFIX_WEIGHT = 0.6;
/** Score factor for matches of a query compound split into parts the index knows. */
export const SPLIT_WEIGHT = 0.7;
/** At most this many terms per prefix, the most frequent first. */
export const MAXIMUM_PREFIX_TERMS = 24;
/** At most this many shards are fetched for one prefix. */
export const MAXIMUM_PREFIX_SHARDS = 3;
/** Shortest last word (in code points) that is also matched as a prefix. */
export const MINIMUM_PREFIX_LENGTH = 3;
/** Excerpts are about this many characters long. */
export const EXCERPT_LENGTH = 220;
/** Words after this many in a query are ignored (each word may cost a shard). */
export const MAXIMUM_QUERY_WORDS = 12;

const FACETS = ['kind', 'area', 'status'];
const utf8 = new TextDecoder('utf-8');

/** Finds, ranks and describes documents of one index. */
export class SearchEngine {
  /**
   * @param {object} options
   * @param {string} [options.baseURL] URL of the index folder (where manifest.json is), used by the default loader.
   * @param {(path: string) => Promise<Uint8Array>} [options.load] Fetches a file below the index folder.
   */
  constructor({ baseURL = '', load } = {}) {
    this.load = load ?? defaultLoader(baseURL);
    this.cache = new Map();
  }

  /** The parsed manifest (fetched once). */
  manifest() {
    return this.#once('manifest.json', async () => {
      const manifest = JSON.parse(utf8.decode(await this.load('manifest.json')));
      if (manifest.format !== FORMAT) throw new Error(`search index format ${manifest.format} is not ${FORMAT}`);
      return manifest;
    });
  }

  /**
   * Searches. Words must all match (mode 'all'); if no document has them all, documents with some of them are
   * returned, those with more first (mode 'some').
   * @param {string} query What the user typed.
   * @param {object} [options]
   * @param {{kind?: string[], area?: string[], status?: string[]}} [options.filters] Allowed values per facet.
   * @param {number} [options.limit] Results to describe (default 10).
   * @param {number} [options.offset] Results to skip (for "more results").
   * @param {boolean} [options.prefix] Match the last word as a prefix too (default: unless the query ends
   *   with a space or punctuation).
   * @returns {Promise<{query: string, total: number, mode: 'all'|'some'|'none', results: object[]}>}
   */
  async search(query, { filters = {}, limit = 10, offset = 0, prefix } = {}) {
    await this.manifest();
    const clauses = parseQuery(query, { prefix });
    if (clauses.length === 0) return { query, total: 0, mode: 'none', results: [] };

    // Shards, and the facet table if a filter is on, are fetched in parallel.
    const [clauseScores, allowed] = await Promise.all([
      Promise.all(clauses.map((clause) => this.#scoreClause(clause))),
      this.#allowedDocuments(filters),
    ]);

    const matches = new Map(); // document → { clauses, score }
    clauseScores.forEach((scores) => {
      for (const [document, score] of scores) {
        if (allowed && !allowed(document)) continue;
        const match = matches.get(document) ?? { clauses: 0, score: 0 };
        match.clauses += 1;
        match.score += score;
        matches.set(document, match);
      }
    });
    let ranked = [...matches].filter(([, match]) => match.clauses === clauses.length);
    let mode = 'all';
    if (ranked.length === 0) {
      ranked = [...matches];
      mode = ranked.length === 0 ? 'none' : 'some';
    }
    ranked.sort(([documentA, a], [documentB, b]) =>
      b.clauses - a.clauses || b.score - a.score || documentA - documentB);

    const page = ranked.slice(offset, offset + limit);
    const highlighter = new Highlighter(clauses);
    const results = await Promise.all(page.map(async ([document, match]) => {
      const [url, title, kind, area, status, date, summary, excerptSource] = await this.#document(document);
      return {
        url, title, kind, area, status, date, summary,
        score: match.score,
        titleMarks: highlighter.marks(title),
        excerpt: buildExcerpt([summary, excerptSource], highlighter),
      };
    }));
    return { query, total: ranked.length, mode, results };
  }

  // Scores of one clause: document → score (the best of its alternatives).
  async #scoreClause(clause) {
    const scores = new Map();
    const keep = (document, score) => {
      if (score > (scores.get(document) ?? 0)) scores.set(document, score);
    };
    const perAlternative = await Promise.all(clause.alternatives.map((alternative) => this.#scoreAll(alternative)));
    for (const alternativeScores of perAlternative) {
      for (const [document, score] of alternativeScores) keep(document, score);
    }
    if (scores.size === 0 && clause.splittable) {
      const parts = await this.#splitAgainstIndex(clause.splittable);
      if (parts.length > 1) {
        clause.splitKeys = parts;
        const specs = parts.map((key) => ({ key, alpha: key, prefix: false }));
        for (const [document, score] of await this.#scoreAll(specs)) keep(document, score * SPLIT_WEIGHT);
      }
    }
    return scores;
  }

  // Splits a word the index does not know into parts it does know. The vocabulary filter proposes a split; the
  // term shards confirm every part (a filter false positive is ruled out and the word split again).
  async #splitAgainstIndex(word) {
    const filter = await this.#vocabulary();
    const ruledOut = new Set();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const parts = splitCompound(word, (key) => !ruledOut.has(key) && filter.mayContain(key));
      if (parts.length < 2) return [];
      const entries = await Promise.all(parts.map((key) => this.#lookup(key)));
      const missing = parts.filter((_, index) => entries[index] === null);
      if (missing.length === 0) return parts;
      for (const key of missing) ruledOut.add(key);
    }
    return [];
  }

  // Documents matching every term spec of an alternative, with summed scores.
  async #scoreAll(specs) {
    const perSpec = await Promise.all(specs.map((spec) => this.#scoreTerm(spec)));
    if (perSpec.length === 0) return new Map();
    perSpec.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = perSpec;
    const result = new Map();
    for (const [document, score] of smallest) {
      let total = score;
      let everywhere = true;
      for (const other of others) {
        const otherScore = other.get(document);
        if (otherScore === undefined) {
          everywhere = false;
          break;
        }
        total += otherScore;
      }
      if (everywhere) result.set(document, total);
    }
    return result;
  }

  // Scores of one term spec: its exact key, and words starting with it if it is a prefix.
  async #scoreTerm(spec) {
    const manifest = await this.manifest();
    const scores = new Map();
    const [exact, prefixed] = await Promise.all([
      this.#lookup(spec.key),
      spec.prefix ? this.#prefixEntries(spec.alpha) : [],
    ]);
    if (exact) addTermScores(scores, exact, manifest, 1);
    if (spec.prefix) {
      const expansions = prefixed.filter((entry) => entry.key !== spec.key);
      expansions.sort((a, b) => b.documentFrequency - a.documentFrequency || compareCodePoints(a.key, b.key));
      for (const entry of expansions.slice(0, MAXIMUM_PREFIX_TERMS)) {
        addTermScores(scores, entry, manifest, PREFIX_WEIGHT);
      }
    }
    return scores;
  }

  async #lookup(key) {
    const manifest = await this.manifest();
    const shard = await this.#shard(shardIndex(manifest.terms.shards, key));
    return shard.byKey.get(key) ?? null;
  }

  async #prefixEntries(prefix) {
    const manifest = await this.manifest();
    const boundaries = manifest.terms.shards;
    const first = shardIndex(boundaries, prefix);
    const indices = [first];
    for (let index = first + 1; index < boundaries.length && indices.length < MAXIMUM_PREFIX_SHARDS; index += 1) {
      if (!boundaries[index].startsWith(prefix)) break;
      indices.push(index);
    }
    const shards = await Promise.all(indices.map((index) => this.#shard(index)));
    return shards.flatMap((shard) => shard.entries.filter((entry) => entry.key.startsWith(prefix)));
  }

  #shard(index) {
    return this.#once(`terms/${index}`, async () => {
      const manifest = await this.manifest();
      return decodeShard(await this.load(`${manifest.version}/terms/${index}.bin`));
    });
  }

  async #document(document) {
    const manifest = await this.manifest();
    const { size } = manifest.documentChunks;
    const chunk = Math.floor(document / size);
    const rows = await this.#once(`docs/${chunk}`, async () =>
      JSON.parse(utf8.decode(await this.load(`${manifest.version}/docs/${chunk}.json`))));
    return rows[document - chunk * size];
  }

  // A predicate over document numbers for the active filters, or null if no filter is active.
  async #allowedDocuments(filters) {
    const manifest = await this.manifest();
    const active = FACETS.filter((facet) => (filters[facet] ?? []).length > 0);
    if (active.length === 0) return null;
    const table = await this.#once('facets', async () =>
      JSON.parse(utf8.decode(await this.load(`${manifest.version}/facets.json`))));
    const allowedCodes = active.map((facet) => {
      const values = manifest.facets[facet].values;
      const codes = new Set(filters[facet].map((value) => values.indexOf(value) + 1).filter((code) => code > 0));
      return [table[facet], codes];
    });
    return (document) => allowedCodes.every(([codes, allowed]) => allowed.has(codes[document]));
  }

  #vocabulary() {
    return this.#once('vocabulary', async () => {
      const manifest = await this.manifest();
      const bytes = await this.load(`${manifest.version}/vocabulary.bin`);
      return new VocabularyFilter(bytes, manifest.vocabulary.hashes);
    });
  }

  #once(key, create) {
    if (!this.cache.has(key)) {
      const promise = create();
      promise.catch(() => this.cache.delete(key)); // let a failed fetch be retried
      this.cache.set(key, promise);
    }
    return this.cache.get(key);
  }
}

function defaultLoader(baseURL) {
  return async (path) => {
    const base = typeof location === 'undefined' ? baseURL : new URL(baseURL, location.href);
    const response = await fetch(new URL(path, base));
    if (!response.ok) throw new Error(`search index: ${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

// MARK: - Queries

/**
 * Turns a query into clauses, one per word (or hyphenated group). Each clause lists alternatives; an alternative
 * is a list of term specs that must all match: { key (stem), alpha (stem alphabet, for prefixes), prefix }.
 * Stop words are dropped. The last word is a prefix too unless the query ends with a space or punctuation.
 */
export function parseQuery(query, { prefix } = {}) {
  const tokens = tokenize(query);
  const normalized = query.normalize('NFC');
  const endsInWord = tokens.length > 0 && tokens[tokens.length - 1].end === normalized.length;
  const lastIsPrefix = prefix ?? endsInWord;

  const groups = [];
  for (const token of tokens) {
    if (token.role === 'part') groups[groups.length - 1].parts.push(token);
    else groups.push({ token, parts: [] });
  }
  const clauses = [];
  const seen = new Set();
  groups.forEach((group, index) => {
    const isLast = index === groups.length - 1;
    const spec = (token, mayBePrefix) => {
      const alpha = toStemAlphabet(token.text);
      return {
        key: stem(token.text),
        alpha,
        text: token.text,
        prefix: mayBePrefix && lastIsPrefix && Array.from(alpha).length >= MINIMUM_PREFIX_LENGTH,
      };
    };
    const alternatives = [];
    if (!isStopWord(group.token.text)) alternatives.push([spec(group.token, isLast)]);
    const parts = group.parts.filter((part) => !isStopWord(part.text));
    if (parts.length > 0) {
      alternatives.push(parts.map((part, partIndex) => spec(part, isLast && partIndex === parts.length - 1)));
    }
    if (alternatives.length === 0) return;
    const signature = JSON.stringify(alternatives);
    if (seen.has(signature)) return;
    seen.add(signature);
    // A single word the index does not know may be split into known parts (decided when scoring).
    const splittable = group.parts.length === 0 ? group.token.text : null;
    clauses.push({ text: group.token.text, alternatives, splittable, splitKeys: [] });
  });
  return clauses.slice(0, MAXIMUM_QUERY_WORDS);
}

// MARK: - Ranking

function addTermScores(scores, entry, manifest, factor) {
  const { documents } = manifest;
  const { k1 } = manifest.ranking;
  const frequency = entry.documentFrequency;
  const idf = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
  for (const [document, weight] of entry.weights()) {
    const score = factor * idf * (weight * (k1 + 1)) / (weight + k1);
    if (score > (scores.get(document) ?? 0)) scores.set(document, score);
  }
}

/** Decodes a weight byte (see RankingModel.encode in Swift): exact below 32, else a float with 4 mantissa bits. */
export function decodeWeight(code, scale = 256) {
  const units = code < 32 ? code : (16 + (code & 15)) * 2 ** ((code >> 4) - 1);
  return units / scale;
}

const WEIGHTS = Array.from({ length: 256 }, (_, code) => decodeWeight(code));

// MARK: - Index files

/** Index of the shard holding `key`: the last boundary that sorts at or before it. */
export function shardIndex(boundaries, key) {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (compareCodePoints(boundaries[middle], key) <= 0) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Decodes a term shard (format in Sources/PortalSearch/TermShard.swift). Entries keep their postings as byte
 * ranges and decode them on first use.
 */
export function decodeShard(bytes) {
  let offset = 0;
  const varint = () => {
    let value = 0;
    let factor = 1;
    for (;;) {
      if (offset >= bytes.length) throw new Error('search index: truncated shard');
      const byte = bytes[offset];
      offset += 1;
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
    }
  };
  const skipList = (count) => {
    const start = offset;
    for (let index = 0; index < count; index += 1) {
      varint();
      offset += 1;
    }
    return [start, count];
  };
  const count = varint();
  const entries = [];
  let previousKey = new Uint8Array(0);
  for (let index = 0; index < count; index += 1) {
    const shared = varint();
    const suffixLength = varint();
    const keyBytes = new Uint8Array(shared + suffixLength);
    keyBytes.set(previousKey.subarray(0, shared));
    keyBytes.set(bytes.subarray(offset, offset + suffixLength), shared);
    offset += suffixLength;
    const wholeCount = varint();
    const partCount = varint();
    const whole = skipList(wholeCount);
    const part = skipList(partCount);
    entries.push(new TermEntry(utf8.decode(keyBytes), bytes, whole, part));
    previousKey = keyBytes;
  }
  return { entries, byKey: new Map(entries.map((entry) => [entry.key, entry])) };
}

/** One term of a shard: its key and its postings (whole words and compound parts). */
class TermEntry {
  constructor(key, bytes, whole, part) {
    this.key = key;
    this.bytes = bytes;
    this.whole = whole;
    this.part = part;
    this.merged = null;
  }

  /** Documents that contain the term as a word or as a compound part, with their summed weights. */
  weights() {
    if (this.merged === null) {
      this.merged = new Map();
      for (const [document, weight] of this.#list(this.whole)) this.merged.set(document, weight);
      for (const [document, weight] of this.#list(this.part)) {
        this.merged.set(document, (this.merged.get(document) ?? 0) + weight);
      }
    }
    return this.merged;
  }

  /** Number of documents with the term. */
  get documentFrequency() {
    return this.weights().size;
  }

  /** Decodes one posting list: [document, weight] pairs, documents ascending. */
  * #list([start, count]) {
    const bytes = this.bytes;
    let offset = start;
    let document = 0;
    for (let index = 0; index < count; index += 1) {
      let delta = 0;
      let factor = 1;
      for (;;) {
        const byte = bytes[offset];
        offset += 1;
        delta += (byte & 0x7f) * factor;
        if (byte < 0x80) break;
        factor *= 128;
      }
      document += delta;
      yield [document, WEIGHTS[bytes[offset]]];
      offset += 1;
    }
  }
}

/**
 * The vocabulary's Bloom filter (see Sources/PortalSearch/BloomFilter.swift): bit j is bit j % 8 of byte j / 8;
 * a key sets bits (h1 + i·h2) mod m, h1 = FNV-1a of its UTF-8, h2 = MurmurHash3's finaliser of h1, made odd.
 */
export class VocabularyFilter {
  constructor(bytes, hashCount) {
    this.bytes = bytes;
    this.bitCount = bytes.length * 8;
    this.hashCount = hashCount;
  }

  /** Whether the key may be in the vocabulary (false: certainly not). */
  mayContain(key) {
    const first = fnv1a32(new TextEncoder().encode(key));
    const step = (mix32(first) | 1) >>> 0;
    for (let index = 0; index < this.hashCount; index += 1) {
      const bit = ((first + Math.imul(index, step)) >>> 0) % this.bitCount;
      if ((this.bytes[bit >>> 3] & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}

function fnv1a32(bytes) {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function mix32(value) {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash >>> 0;
}

// MARK: - Highlighting and excerpts

/** Decides which words of a text to mark for the query's clauses. */
export class Highlighter {
  constructor(clauses) {
    this.stems = new Set();
    this.prefixes = [];
    this.infixes = [];
    this.cache = new Map();
    for (const clause of clauses) {
      for (const alternative of clause.alternatives) {
        for (const spec of alternative) {
          this.stems.add(spec.key);
          if (Array.from(spec.key).length >= MINIMUM_PART_LENGTH) this.infixes.push(spec.key);
          if (spec.prefix) this.prefixes.push(spec.alpha);
        }
      }
      for (const key of clause.splitKeys) {
        this.stems.add(key);
        this.infixes.push(key);
      }
    }
  }

  /**
   * Whether a normalised token matches: same stem, starts with a typed prefix, or has a matched key as a
   * compound part — first part (start), head (end of its stem), or, for keys of 5+ letters, anywhere.
   */
  matches(text) {
    if (!this.cache.has(text)) {
      const alpha = toStemAlphabet(text);
      const tokenStem = stem(text);
      this.cache.set(text, this.stems.has(tokenStem) ||
        this.prefixes.some((prefix) => alpha.startsWith(prefix)) ||
        this.infixes.some((key) => alpha.startsWith(key) || tokenStem.endsWith(key) ||
          (key.length >= 5 && alpha.includes(key))));
    }
    return this.cache.get(text);
  }

  /** UTF-16 [start, end) ranges of the matching words of a text, sorted, overlaps merged. */
  marks(text) {
    const ranges = tokenize(text).filter((token) => this.matches(token.text)).map((token) => [token.start, token.end]);
    ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([...range]);
    }
    return merged;
  }
}

/**
 * Picks the passage to show: the window of about `length` characters with the most marked words, from the summary
 * (preferred on ties) or the start of the body. Returns { text, marks } with marks relative to `text`; "… " is
 * added where the passage was cut.
 */
export function buildExcerpt(texts, highlighter, length = EXCERPT_LENGTH) {
  let best = null;
  texts.forEach((text, textIndex) => {
    if (!text) return;
    const marks = highlighter.marks(text);
    const anchors = marks.length > 0 ? marks.map((mark) => mark[0]) : [0];
    for (const anchor of anchors) {
      const window = passageWindow(text, anchor, length);
      const inside = marks.filter(([start, end]) => start >= window.start && end <= window.end);
      const distinct = new Set(inside.map(([start, end]) => text.slice(start, end).toLowerCase())).size;
      const candidate = { text, window, inside, distinct, textIndex };
      if (best === null || distinct > best.distinct) best = candidate;
    }
  });
  if (best === null) return { text: '', marks: [] };
  const { text, window, inside } = best;
  const lead = window.start > 0 ? '… ' : '';
  const tail = window.end < text.length ? ' …' : '';
  const shift = lead.length - window.start;
  return {
    text: lead + text.slice(window.start, window.end) + tail,
    marks: inside.map(([start, end]) => [start + shift, end + shift]),
  };
}

// The window around `anchor`: starts a little before it at a word boundary, ends at a word boundary.
function passageWindow(text, anchor, length) {
  if (text.length <= length) return { start: 0, end: text.length };
  let start = Math.max(0, anchor - Math.floor(length / 5));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < anchor ? space + 1 : Math.min(start, anchor);
  }
  if (text.length - start < length) {
    start = Math.max(0, text.length - length);
    const space = text.indexOf(' ', start);
    if (start > 0 && space >= 0 && space < anchor) start = space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  return { start, end };
}
