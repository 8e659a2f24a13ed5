import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_TEXTS, appendMarked, fillText, formatDate, readParameters, renderResult, safeHref, statusText,
  writeParameters,
} from '../../templates/static/js/search/ui.js';
import { fakeDocument } from './fake-dom.mjs';

const result = {
  url: '/massnahmen/bauantrag-assistent/',
  title: 'KI-Assistent prüft Bauanträge auf Vollständigkeit',
  titleMarks: [[19, 29]],
  kind: 'measure',
  area: 'bauen',
  status: 'pilot',
  date: '2025-04-02',
  excerpt: { text: '… viele Bauanträge sind <b>unvollständig</b> …', marks: [[8, 18]] },
};

test('a result is a list item with a linked, marked title, a facts line and a marked excerpt', () => {
  const doc = fakeDocument();
  const labels = (facet, value) => ({ measure: 'Maßnahme', bauen: 'Bauen und Wohnen', pilot: 'Pilotbetrieb' })[value];
  const item = renderResult(doc, result, { labels, headingLevel: 3 });
  assert.equal(item.tagName, 'LI');
  const [heading, meta, excerpt] = item.children;
  assert.equal(heading.tagName, 'H3');
  const [link] = heading.children;
  assert.equal(link.getAttribute('href'), result.url);
  assert.equal(link.textContent, result.title);
  assert.deepEqual(link.children.map((mark) => [mark.tagName, mark.textContent]), [['MARK', 'Bauanträge']]);
  assert.equal(meta.textContent, 'Maßnahme · Bauen und Wohnen · Pilotbetrieb · 02.04.2025');
  assert.equal(meta.children[0].tagName, 'TIME');
  assert.equal(meta.children[0].getAttribute('datetime'), '2025-04-02');
  assert.equal(excerpt.textContent, result.excerpt.text, 'markup in content stays text');
  assert.deepEqual(excerpt.children.map((mark) => mark.textContent), ['Bauanträge']);
});

test('results without metadata or title still render', () => {
  const doc = fakeDocument();
  const item = renderResult(doc, { url: '/seiten/x/', title: '', titleMarks: [], excerpt: { text: '', marks: [] } });
  assert.equal(item.children.length, 1);
  assert.equal(item.children[0].tagName, 'H2');
  assert.equal(item.textContent, '/seiten/x/');
});

test('marks that overlap, run backwards or leave the text are skipped without losing text', () => {
  const doc = fakeDocument();
  const parent = doc.createElement('p');
  appendMarked(doc, parent, 'Straßenschäden melden', [[0, 7], [3, 9], [12, 10], [15, 99], [15, 21]]);
  assert.equal(parent.textContent, 'Straßenschäden melden');
  assert.deepEqual(parent.children.map((mark) => mark.textContent), ['Straßen', 'melden']);
});

test('URL parameters round-trip like the GET form', () => {
  const state = readParameters('?q=Bau%C2%ADantrag+Stra%C3%9Fe&kind=measure&kind=motion&area=&status=pilot');
  assert.deepEqual(state, { query: 'Bau\u00ADantrag Straße', filters: { kind: ['measure', 'motion'], status: ['pilot'] } });
  assert.deepEqual(readParameters(writeParameters(state)), state);
  assert.equal(writeParameters({ query: '', filters: {} }), '');
  assert.deepEqual(readParameters(''), { query: '', filters: {} });
});

test('status texts count results and name the query', () => {
  assert.equal(statusText({ query: 'Wohngeld ', total: 1, mode: 'all' }), '1 Ergebnis für „Wohngeld“');
  assert.equal(statusText({ query: 'KI', total: 17, mode: 'all' }), '17 Ergebnisse für „KI“');
  assert.equal(statusText({ query: 'xyz', total: 0, mode: 'none' }), 'Keine Ergebnisse für „xyz“.');
  assert.match(statusText({ query: 'a b', total: 3, mode: 'some' }), /3 Seiten enthalten einige/);
  assert.match(statusText({ query: 'a b', total: 1, mode: 'some' }), /1 Seite enthält einige/);
  assert.equal(statusText({ query: '  ', total: 0, mode: 'none' }), DEFAULT_TEXTS.empty);
  assert.equal(fillText('{count} für {query}', { count: 2, query: 'x' }), '2 für x');
});

test('links go to site pages or http(s) only', () => {
  for (const url of ['/massnahmen/x/', 'https://example.org/', 'http://example.org/a', '#top', '?q=1']) {
    assert.equal(safeHref(url), url);
  }
  for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', '//evil.example/', '', null]) {
    assert.equal(safeHref(url), '#');
  }
});

test('dates are shown the German way', () => {
  assert.equal(formatDate('2025-03-12'), '12.03.2025');
  assert.equal(formatDate('2025-03'), '03/2025');
  assert.equal(formatDate('bald'), 'bald');
  assert.equal(formatDate(null), '');
});

test('no search module parses HTML or evaluates code', () => {
  const folder = fileURLToPath(new URL('../../templates/static/js/search/', import.meta.url));
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.js'))) {
    const source = readFileSync(`${folder}${name}`, 'utf8');
    for (const forbidden of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) {
      assert.ok(!source.includes(forbidden), `${name} uses ${forbidden}`);
    }
  }
});
