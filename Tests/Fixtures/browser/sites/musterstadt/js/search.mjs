// Client-side search for the fixture site: loads the index named by the form, filters it as the
// reader types, announces the number of results in a polite live region and lists links to them.

const form = document.querySelector("form[data-search-index]");

/** Lower-cases and strips diacritics so that "buergerservice" and "Bürgerservice" both match "burgerservice". */
function normalise(text) {
  return text
    .toLocaleLowerCase("de")
    .replaceAll("ß", "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

function matches(document, terms) {
  const haystack = normalise(`${document.title} ${document.summary} ${document.text}`);
  return terms.every((term) => haystack.includes(term));
}

function render(results, query, list, status) {
  list.replaceChildren(
    ...results.map((result) => {
      const item = window.document.createElement("li");
      const link = window.document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      const summary = window.document.createElement("p");
      summary.textContent = result.summary;
      item.append(link, summary);
      return item;
    }),
  );
  if (query === "") {
    status.textContent = "";
  } else if (results.length === 1) {
    status.textContent = `1 Ergebnis für „${query}“`;
  } else {
    status.textContent = `${results.length} Ergebnisse für „${query}“`;
  }
}

async function start() {
  if (!form) {
    return;
  }
  const input = form.querySelector("input[type=search]");
  const list = window.document.getElementById("suchergebnisse");
  const status = window.document.getElementById("suchstatus");
  const response = await fetch(form.dataset.searchIndex);
  const index = await response.json();

  const search = () => {
    const query = input.value.trim();
    const terms = normalise(query).split(/\s+/).filter((term) => term.length > 0);
    const results = terms.length === 0 ? [] : index.documents.filter((document) => matches(document, terms));
    render(results, query, list, status);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", search);

  const initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search();
  }
}

start();
