import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem, toStemAlphabet } from '../../templates/static/js/search/stemmer.js';
import { fixtureText } from './fixtures.mjs';

test('stemmer reproduces all 35,033 Snowball vectors', () => {
  const words = fixtureText('snowball-german/voc.txt').split('\n');
  const stems = fixtureText('snowball-german/output.txt').split('\n');
  assert.equal(words.length, stems.length);
  let checked = 0;
  const mismatches = [];
  words.forEach((word, index) => {
    if (word === '') return;
    checked += 1;
    const actual = stem(word);
    if (actual !== stems[index] && mismatches.length < 20) mismatches.push(`${word}: ${actual} ≠ ${stems[index]}`);
  });
  assert.equal(checked, 35033);
  assert.deepEqual(mismatches, []);
});

test('spelling variants share a stem', () => {
  for (const [first, second] of [['straße', 'strasse'], ['bürger', 'buerger'], ['übersetzung', 'uebersetzung'],
    ['bauanträge', 'bauantrag'], ['größe', 'groesse']]) {
    assert.equal(stem(first), stem(second), `${first} / ${second}`);
  }
});

test('stem alphabet keeps suffixes but maps umlauts and ß', () => {
  assert.equal(toStemAlphabet('straßenschäden'), 'strassenschaden');
  assert.equal(toStemAlphabet('buergerservice'), 'burgerservice');
  assert.equal(toStemAlphabet('quelle'), 'quelle');
  assert.equal(toStemAlphabet('bauer'), 'bauer');
});

test('short and empty words are left alone', () => {
  for (const word of ['', 'a', 'ab', 'ki']) assert.equal(stem(word), word);
});
