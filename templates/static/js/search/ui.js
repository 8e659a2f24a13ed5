// The search page: reads ?q= and the filters, searches as you type, and renders the results.
//
// DOM contract — what the page template provides (everything else is built here, with DOM text APIs only):
//
//   <form role="search" action="/suche/" method="get" id="search-form">
//     <label for="search-input">Suchbegriff</label>
//     <input type="search" id="search-input" name="q" autocomplete="off">
//     <!-- optional filters: a <select name="kind|area|status"> (with an empty option for "all") or checkboxes
//          <input type="checkbox" name="kind" value="measure"> with a <label>. The option or label text is shown
//          as the value's name in results, so the labels come from templates/i18n. -->
//     <button type="submit">Suchen</button>
//   </form>
//   <p id="search-status" aria-live="polite"></p>              result count and errors are announced here
//                                                              (aria-live is added if the template omits it)
//   <div id="search-results" data-index="/suche/index/"></div> the results list (<ol>) is rendered in here
//   <noscript>…</noscript>                                     the template's message for browsers without JS
//   <script type="application/json" id="search-labels">{"kind": {"measure": "Maßnahme"}, "area": {…},
//     "status": {"pilot": "Pilotbetrieb"}}</script>           optional: names of facet values without a filter
//                                                              control (a JSON data block; CSP allows it)
//
// Optional attributes on #search-results:
//   data-index           URL of the index folder (default "/suche/index/")
//   data-heading-level   heading level of result titles, 2–6 (default 2)
//   data-page-size       results per page (default 10)
//   data-text-*          texts, German by default (see DEFAULT_TEXTS; "{count}" and "{query}" are replaced), e.g.
//                        data-text-many="{count} Ergebnisse für „{query}“"
//
// Without JavaScript the form still submits by GET to the search page, which shows the <noscript> message.
// The site's CSP forbids inline scripts and eval: load this file with
//   <script type="module" src="/js/search/ui.js"></script>
// and, to save round trips, preload its imports:
//   <link rel="modulepreload" href="/js/search/engine.js"> (also analysis.js and stemmer.js).
//
// Keyboard: typing searches after a short pause; Enter searches at once; ↓ in the field moves to the first
// result, ↑/↓ move between result links, ↑ on the first result goes back to the field; "Weitere Ergebnisse"
// moves focus to the first new result.

import { SearchEngine } from './engine.js';

/** Texts of the page; each can be overridden with a data-text-<name> attribute on #search-results. */
export const DEFAULT_TEXTS = {
  one: '1 Ergebnis für „{query}“',
  many: '{count} Ergebnisse für „{query}“',
  none: 'Keine Ergebnisse für „{query}“.',
  someOne: 'Keine Seite enthält alle Suchwörter. 1 Seite enthält einige davon:',
  some: 'Keine Seite enthält alle Suchwörter. {count} Seiten enthalten einige davon:',
  more: 'Weitere Ergebnisse',
  error: 'Die Suche ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.',
  empty: '',
};

/** Facets the page can filter by, as URL parameters and form field names. */
export const FILTER_NAMES = ['kind', 'area', 'status'];

const TYPING_DELAY = 150;
const ANNOUNCE_DELAY = 800;

/** Reads the query and the filters from a URL query string ("?q=...&kind=measure&kind=motion"). */
export function readParameters(search) {
  const parameters = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTER_NAMES) {
    const values = parameters.getAll(name).filter((value) => value !== '');
    if (values.length > 0) filters[name] = values;
  }
  return { query: parameters.get('q') ?? '', filters };
}

/** Writes the query and the filters as a URL query string, the same way the form would. */
export function writeParameters({ query, filters }) {
  const parameters = new URLSearchParams();
  if (query) parameters.set('q', query);
  for (const name of FILTER_NAMES) {
    for (const value of filters[name] ?? []) parameters.append(name, value);
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

/** Fills in "{count}" and "{query}". */
export function fillText(template, values) {
  return template.replace(/\{(count|query)\}/g, (_, name) => String(values[name] ?? ''));
}

/** Formats an ISO date (2025-03-12 or 2025-03) the German way (12.03.2025 or 03/2025); other text stays. */
export function formatDate(iso) {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (day) return `${day[3]}.${day[2]}.${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(iso ?? '');
  if (month) return `${month[2]}/${month[1]}`;
  return iso ?? '';
}

/** The URL itself if it is site-relative or http(s); anything else (javascript:, data:) becomes "#". */
export function safeHref(url) {
  return /^(\/(?!\/)|https?:\/\/|#|\?)/i.test(url ?? '') ? url : '#';
}

/** Appends `text` to `parent`, with the [start, end) ranges in `marks` wrapped in <mark> elements. */
export function appendMarked(doc, parent, text, marks = []) {
  let position = 0;
  for (const [start, end] of marks) {
    if (start < position || end <= start || end > text.length) continue;
    if (start > position) parent.append(doc.createTextNode(text.slice(position, start)));
    const mark = doc.createElement('mark');
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    position = end;
  }
  if (position < text.length) parent.append(doc.createTextNode(text.slice(position)));
}

/**
 * Builds the <li> of one result: title link (matches marked), a line with kind, area, status and date, and the
 * excerpt (matches marked). `labels(facet, value)` gives the displayed name of a facet value.
 */
export function renderResult(doc, result, { labels = (_, value) => value, headingLevel = 2 } = {}) {
  const item = doc.createElement('li');
  item.className = 'search-result';
  const heading = doc.createElement(`h${Math.min(6, Math.max(2, headingLevel))}`);
  heading.className = 'search-result__title';
  const link = doc.createElement('a');
  link.setAttribute('href', safeHref(result.url));
  appendMarked(doc, link, result.title || result.url, result.title ? result.titleMarks : []);
  heading.append(link);
  item.append(heading);

  const facts = [['kind', result.kind], ['area', result.area], ['status', result.status]]
    .filter(([, value]) => value)
    .map(([facet, value]) => labels(facet, value));
  if (facts.length > 0 || result.date) {
    const meta = doc.createElement('p');
    meta.className = 'search-result__meta';
    meta.append(doc.createTextNode(facts.join(' · ')));
    if (result.date) {
      if (facts.length > 0) meta.append(doc.createTextNode(' · '));
      const time = doc.createElement('time');
      time.setAttribute('datetime', result.date);
      time.textContent = formatDate(result.date);
      meta.append(time);
    }
    item.append(meta);
  }
  if (result.excerpt && result.excerpt.text) {
    const excerpt = doc.createElement('p');
    excerpt.className = 'search-result__excerpt';
    appendMarked(doc, excerpt, result.excerpt.text, result.excerpt.marks);
    item.append(excerpt);
  }
  return item;
}

/** The status line for a response. */
export function statusText(response, texts = DEFAULT_TEXTS) {
  const values = { count: response.total, query: response.query.trim() };
  if (!values.query) return texts.empty;
  if (response.mode === 'none' || response.total === 0) return fillText(texts.none, values);
  if (response.mode === 'some') return fillText(response.total === 1 ? texts.someOne : texts.some, values);
  return fillText(response.total === 1 ? texts.one : texts.many, values);
}

/**
 * The displayed name of a facet value: the form's option or checkbox label, else the JSON data block
 * #search-labels ({"kind": {"measure": "Maßnahme"}, "status": {…}, "area": {…}}), else the value itself.
 */
function facetLabels(doc, form) {
  let fromData = {};
  const block = doc.getElementById('search-labels');
  if (block) {
    try {
      fromData = JSON.parse(block.textContent) ?? {};
    } catch (error) {
      console.error('search-labels is not valid JSON', error);
    }
  }
  return (facet, value) => {
    for (const control of form ? form.querySelectorAll(`[name="${facet}"]`) : []) {
      if (control.tagName === 'SELECT') {
        for (const option of control.options) {
          if (option.value === value) return option.textContent.trim();
        }
      } else if (control.value === value && control.labels && control.labels.length > 0) {
        return control.labels[0].textContent.trim();
      }
    }
    const label = fromData[facet]?.[value];
    return typeof label === 'string' ? label : value;
  };
}

function readForm(form, input) {
  const filters = {};
  if (form) {
    const data = new FormData(form);
    for (const name of FILTER_NAMES) {
      const values = data.getAll(name).filter((value) => value !== '');
      if (values.length > 0) filters[name] = values;
    }
  }
  return { query: input ? input.value : '', filters };
}

function fillForm(form, input, { query, filters }) {
  if (input) input.value = query;
  if (!form) return;
  for (const name of FILTER_NAMES) {
    const values = filters[name] ?? [];
    for (const control of form.querySelectorAll(`[name="${name}"]`)) {
      if (control.tagName === 'SELECT') {
        for (const option of control.options) option.selected = values.includes(option.value);
        if (values.length === 0 && control.options.length > 0 && !control.multiple) control.selectedIndex = 0;
      } else if (control.type === 'checkbox' || control.type === 'radio') {
        control.checked = values.includes(control.value);
      }
    }
  }
}

/** Wires up the search page in `doc`; returns the engine. Called automatically in browsers. */
export function start(doc = document, { engine } = {}) {
  const container = doc.getElementById('search-results');
  if (!container) return null;
  const form = doc.getElementById('search-form') ?? doc.querySelector('form[role="search"]');
  const input = doc.getElementById('search-input') ?? (form ? form.querySelector('input[name="q"]') : null);
  const status = doc.getElementById('search-status');
  const texts = { ...DEFAULT_TEXTS };
  for (const name of Object.keys(DEFAULT_TEXTS)) {
    const override = container.getAttribute(`data-text-${name}`);
    if (override !== null) texts[name] = override;
  }
  const pageSize = Number.parseInt(container.getAttribute('data-page-size') ?? '10', 10) || 10;
  const headingLevel = Number.parseInt(container.getAttribute('data-heading-level') ?? '2', 10) || 2;
  const searchEngine = engine ?? new SearchEngine({ baseURL: container.getAttribute('data-index') ?? '/suche/index/' });
  const labels = facetLabels(doc, form);
  if (status && !status.hasAttribute('aria-live')) status.setAttribute('aria-live', 'polite');

  let generation = 0;
  let typingTimer = null;
  let announceTimer = null;
  let current = null; // { query, filters, response, shown, list }

  const announce = (text, immediately) => {
    if (!status) return;
    clearTimeout(announceTimer);
    if (immediately) status.textContent = text;
    else announceTimer = setTimeout(() => { status.textContent = text; }, ANNOUNCE_DELAY);
  };

  const resultLinks = () => Array.from(container.querySelectorAll('.search-result__title a'));

  const render = (state, { append = false } = {}) => {
    const { response } = state;
    if (!append) {
      container.replaceChildren();
      state.list = null;
    }
    if (response.results.length > 0) {
      if (!state.list) {
        state.list = doc.createElement('ol');
        state.list.className = 'search-results';
        container.append(state.list);
      }
      for (const result of response.results) state.list.append(renderResult(doc, result, { labels, headingLevel }));
    }
    const oldButton = container.querySelector('.search-more');
    if (oldButton) oldButton.remove();
    if (state.shown < response.total) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'search-more';
      button.textContent = texts.more;
      button.addEventListener('click', () => showMore(state));
      container.append(button);
    }
  };

  const run = async ({ query, filters }, { announceNow = false, prefix } = {}) => {
    generation += 1;
    const mine = generation;
    if (!query.trim()) {
      container.replaceChildren();
      current = null;
      announce(texts.empty, true);
      return;
    }
    container.setAttribute('aria-busy', 'true');
    try {
      const response = await searchEngine.search(query, { filters, limit: pageSize, prefix });
      if (mine !== generation) return; // a newer search has started
      current = { query, filters, prefix, response, shown: response.results.length, list: null };
      render(current);
      announce(statusText(response, texts), announceNow);
    } catch (error) {
      if (mine !== generation) return;
      container.replaceChildren();
      announce(texts.error, true);
      console.error(error);
    } finally {
      if (mine === generation) container.removeAttribute('aria-busy');
    }
  };

  const showMore = async (state) => {
    const mine = generation;
    try {
      const response = await searchEngine.search(state.query, {
        filters: state.filters, limit: pageSize, offset: state.shown, prefix: state.prefix,
      });
      if (mine !== generation || state !== current) return;
      const firstNew = state.shown;
      state.shown += response.results.length;
      render({ ...state, response }, { append: true });
      state.list = container.querySelector('ol.search-results');
      const links = resultLinks();
      if (links[firstNew]) links[firstNew].focus();
    } catch (error) {
      announce(texts.error, true);
      console.error(error);
    }
  };

  const updateAddress = (state, push) => {
    if (typeof history === 'undefined' || typeof location === 'undefined') return;
    const url = `${location.pathname}${writeParameters(state)}${location.hash}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  if (form) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(typingTimer);
      const state = readForm(form, input);
      updateAddress(state, true);
      run(state, { announceNow: true, prefix: false });
    });
    form.addEventListener('change', (event) => {
      if (event.target === input) return;
      const state = readForm(form, input);
      updateAddress(state, false);
      run(state, { announceNow: true });
    });
  }
  if (input) {
    input.addEventListener('input', () => {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => {
        const state = readForm(form, input);
        updateAddress(state, false);
        run(state);
      }, TYPING_DELAY);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        const [first] = resultLinks();
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
  }
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = resultLinks();
    const index = links.indexOf(event.target);
    if (index < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowDown' && index + 1 < links.length) links[index + 1].focus();
    if (event.key === 'ArrowUp') (index > 0 ? links[index - 1] : input)?.focus();
  });
  if (typeof window !== 'undefined') {
    window.addEventListener('popstate', () => {
      const state = readParameters(location.search);
      fillForm(form, input, state);
      run(state, { announceNow: true, prefix: false });
    });
  }

  const initial = readParameters(typeof location === 'undefined' ? '' : location.search);
  fillForm(form, input, initial);
  if (initial.query) run(initial, { announceNow: true, prefix: false });
  return searchEngine;
}

if (typeof document !== 'undefined' && document.getElementById('search-results')) start(document);
