#!/usr/bin/env python3
"""Writes the same N German articles as a portal site and as a Hugo site, for side-by-side benchmarks.

Usage: generate_corpus.py N OUTDIR

OUTDIR/portal/content  portal content: site.yml, bodies.yml, partners.yml, N/2 measures and N/2 updates
OUTDIR/hugo            a Hugo site with an equivalent minimal theme: article pages, list pages, tag pages,
                       RSS feed and sitemap

Articles are about 600 words with headings, lists, links and tags, generated deterministically (fixed seed)
from a vocabulary of German administrative language, so both generators get byte-identical text.
"""
import os
import random
import sys

WORDS = (
    "Verwaltung Bürgerservice Antrag Bauantrag Baugenehmigung Wohngeldantrag Digitalisierung Verfahren "
    "Datenschutz Transparenz Künstliche Intelligenz Sprachmodell Chatbot Übersetzung Bearbeitungszeit "
    "Stadtrat Ausschuss Beschluss Vorlage Haushalt Einsparung Personalwesen Fachkräfte Straßenschäden "
    "Gesichtserkennung Grundrechte Folgenabschätzung Risiko Aufsicht Mitarbeitende Qualität Prüfung Bürgerinnen "
    "Bürger Anliegen Termin Formular Bescheid Widerspruch Akte Schriftgut Posteingang Zuständigkeit Behörde "
    "Rechenzentrum Hochschule Kooperation Pilotprojekt Evaluation Kennzahlen Barrierefreiheit Leichte Sprache "
    "Öffentlichkeit Beteiligung Verordnung Gesetz Grundlage Verantwortung Nachvollziehbarkeit Dokumentation"
).split()
FILLER = "der die das und mit für auf im zur zum bei nach von wird werden kann soll muss ist sind einen eine".split()
TAGS = ["KI", "Bürgerservice", "Bauen", "Personal", "Daten", "Datenschutz", "Stadtrat", "Pilot", "Evaluation",
        "Verwaltung", "Transparenz", "Sprache", "Haushalt", "Digitalisierung", "Beteiligung"]
AREAS = ["buergerservice", "interne-ablaeufe", "personalwesen", "bauantraege", "datenverarbeitung"]


def sentence(rng, length):
    words = [rng.choice(WORDS) if i % 3 != 1 else rng.choice(FILLER) for i in range(length)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(3, 5)))


def article(rng, index, count):
    """Markdown body of about 600 words, with headings, a list and links to other articles."""
    parts = []
    words = 0
    section = 0
    while words < 600:
        if words and section < 4 and rng.random() < 0.35:
            section += 1
            parts.append(f"## Abschnitt {section}: {rng.choice(WORDS)} und {rng.choice(WORDS)}")
        if rng.random() < 0.2:
            items = [f"- {sentence(rng, rng.randint(5, 9))}" for _ in range(rng.randint(3, 5))]
            parts.append("\n".join(items))
            words += sum(len(i.split()) for i in items)
        text = paragraph(rng)
        parts.append(text)
        words += len(text.split())
    other = (index * 7 + 3) % count
    parts.append(f"Mehr dazu im Artikel [{other}]({{link:{other}}}) und auf [der Website der Stadt](https://www.stadt.example/).")
    return "\n\n".join(parts)


def title(rng, index):
    return f"{rng.choice(WORDS)} {rng.choice(FILLER)} {rng.choice(WORDS)} ({index})"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


SITE_YML = """title: Benchmark-Portal
description: Ein erzeugter Korpus für Vergleichsmessungen.
baseURL: https://bench.example
language: de
organisation:
  name: Stadt Benchmark
  address: Rathausplatz 1, 12345 Benchmark
  email: info@bench.example
  representedBy: Oberbürgermeisterin
accessibility:
  contactEmail: barrierefrei@bench.example
  enforcementBody:
    name: Durchsetzungsstelle
  status: partial
  lastReviewed: 2025-11-01
privacy:
  controller: Stadt Benchmark
  dataProtectionOfficer: datenschutz@bench.example
  supervisoryAuthority: Landesdatenschutz
areas:
""" + "".join(f"  - id: {a}\n    label: {a.replace('-', ' ').title()}\n    description: Bereich {a}\n" for a in AREAS)

HUGO_CONFIG = """baseURL = "https://bench.example/"
languageCode = "de"
title = "Benchmark-Portal"
disableKinds = []
[taxonomies]
  tag = "tags"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title><link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" href="/index.xml"></head>
<body><a class="skip" href="#inhalt">Zum Inhalt</a><header><a href="/">{{ .Site.Title }}</a>
<nav><a href="/posts/">Artikel</a> <a href="/tags/">Schlagwörter</a></nav></header>
<main id="inhalt">{{ block "main" . }}{{ end }}</main><footer>Benchmark</footer></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1><p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02.01.2006" }}</time></p>
{{ .Content }}<ul>{{ range .Params.tags }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul></article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "02.01.2006" }}</time><p>{{ .Summary }}</p></li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1><ol>{{ range first 10 (where .Site.RegularPages "Section" "posts") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}
""",
}


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(20251126)
    portal = os.path.join(out, "portal", "content")
    hugo = os.path.join(out, "hugo")
    write(os.path.join(portal, "site.yml"), SITE_YML)
    write(os.path.join(portal, "bodies.yml"), "- id: stadtrat\n  name: Stadtrat\n  organizationType: Gremium\n  classification: council\n")
    write(os.path.join(portal, "partners.yml"), "[]\n")
    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hugo, "static", "style.css"), "body{font-family:sans-serif;max-width:70ch;margin:auto}\n")
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(hugo, "layouts", name), text)
    names = []
    for index in range(count):
        kind = "measure" if index % 2 == 0 else "update"
        day = 1 + index % 28
        month = 1 + (index // 28) % 12
        year = 2020 + (index // 336) % 6
        date = f"{year}-{month:02d}-{day:02d}"
        names.append((kind, f"artikel-{index:06d}" if kind == "measure" else f"{date}-artikel-{index:06d}", date))
    for index in range(count):
        kind, name, date = names[index]
        heading = title(rng, index)
        body = article(rng, index, count)
        tags = rng.sample(TAGS, 3)
        summary = sentence(rng, 14)
        other_kind, other_name, _ = names[(index * 7 + 3) % count]
        portal_link = f"../{'measures' if other_kind == 'measure' else 'updates'}/{other_name}.md"
        hugo_body = body.replace("{link:", "{").replace(f"{{{(index * 7 + 3) % count}}}", f"/posts/{other_name}/")
        portal_body = body.replace(f"{{link:{(index * 7 + 3) % count}}}", portal_link)
        tag_list = ", ".join(tags)
        if kind == "measure":
            front = (f"title: \"{heading}\"\nsummary: \"{summary}\"\narea: {AREAS[index % len(AREAS)]}\nstatus: pilot\n"
                     f"riskClass: minimal\nautomation: assistive\nhumanOversight: Das Fachamt prüft jedes Ergebnis.\n"
                     f"personalData: none\nlegalBasis: [\"Art. 6 Abs. 1 lit. e DSGVO\"]\ncontact: ki@bench.example\n"
                     f"responsibleUnit: Hauptamt\nupdated: {date}\ntags: [{tag_list}]\n")
            write(os.path.join(portal, "measures", f"{name}.md"), f"---\n{front}---\n{portal_body}\n")
        else:
            front = f"title: \"{heading}\"\ndate: {date}\nsummary: \"{summary}\"\ntype: news\ntags: [{tag_list}]\n"
            write(os.path.join(portal, "updates", f"{name}.md"), f"---\n{front}---\n{portal_body}\n")
        hugo_front = f"title: \"{heading}\"\ndate: {date}\nsummary: \"{summary}\"\ntags: [{tag_list}]\n"
        write(os.path.join(hugo, "content", "posts", f"{name}.md"), f"---\n{hugo_front}---\n{hugo_body}\n")


if __name__ == "__main__":
    main()
