import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MINIMUM_PART_LENGTH, STOP_WORDS, foldCodePoint, normalize, splitCompound, terms, tokenize,
} from '../../templates/static/js/search/analysis.js';
import { fixtureJSON } from './fixtures.mjs';

const shared = fixtureJSON('search/analysis-cases.json');

test('the shared fixture covers the required ground', () => {
  assert.ok(shared.cases.length >= 40);
  assert.ok(shared.compounds.cases.length >= 15);
});

for (const testCase of shared.cases) {
  test(`shared case: ${testCase.note}`, () => {
    assert.deepEqual(tokenize(testCase.input).map((token) => token.text), testCase.tokens);
    assert.deepEqual(terms(testCase.input), testCase.terms);
  });
}

test('stop word list is the shared one', () => {
  assert.deepEqual(STOP_WORDS, shared.stopWords);
});

test('compound splitting (shared cases)', () => {
  const vocabulary = new Set(
    terms(shared.compounds.vocabularyText).filter((term) => Array.from(term).length >= MINIMUM_PART_LENGTH),
  );
  for (const testCase of shared.compounds.cases) {
    assert.deepEqual(splitCompound(normalize(testCase.word), (key) => vocabulary.has(key)), testCase.parts,
      `${testCase.word}: ${testCase.note}`);
  }
});

test('every full case folding that differs from lower case (casefold.json)', () => {
  const { folds } = fixtureJSON('search/casefold.json');
  const entries = Object.entries(folds);
  assert.ok(entries.length > 250);
  const mismatches = entries.filter(([hex, expected]) => foldCodePoint(parseInt(hex, 16)) !== expected);
  assert.deepEqual(mismatches, []);
});

test('token offsets point into the NFC text, across hyphens and ignorable characters', () => {
  const text = 'Die KI-Verordnung gilt für Bau\u00ADanträge 🤖 und Straßen.';
  const tokens = tokenize(text);
  const spans = tokens.map((token) => [token.role, text.slice(token.start, token.end)]);
  assert.deepEqual(spans, [
    ['word', 'Die'], ['joined', 'KI-Verordnung'], ['part', 'KI'], ['part', 'Verordnung'], ['word', 'gilt'],
    ['word', 'für'], ['word', 'Bau\u00ADanträge'], ['word', 'und'], ['word', 'Straßen'],
  ]);
});
