// Text analysis for German search, shared by the index (Swift, Sources/PortalSearch/GermanAnalyzer.swift) and
// the query side (this file). Both must give identical results; Tests/Fixtures/search/analysis-cases.json runs
// against both.
//
// - normalize(): NFC, full case folding (ß and ẞ → ss), soft hyphen and zero-width characters removed.
// - tokenize(): runs of letters, marks and digits; words joined by hyphens ("KI-Verordnung") give the joined word
//   ("kiverordnung") followed by its parts ("ki", "verordnung"); tokens over 64 code points are dropped.
// - terms(): Snowball stems of the tokens that are not stop words.
// - splitCompound(): splits a compound into known stems with German linking elements (s, es, n, en, e, er, ens).

import { stem, toStemAlphabet } from './stemmer.js';

export { stem, toStemAlphabet };

/** Tokens longer than this many code points are not indexed. */
export const MAXIMUM_TOKEN_LENGTH = 64;

/** Shortest compound part (in the stem alphabet). */
export const MINIMUM_PART_LENGTH = 3;

/** Linking elements (Fugenelemente) allowed between compound parts; '' = none. */
export const LINKING_ELEMENTS = ['', 'e', 'en', 'ens', 'er', 'es', 'n', 's'];

/** Stop words as written; compared in the stem alphabet. Same list as Sources/PortalSearch/GermanStopWords.swift. */
export const STOP_WORDS = (
  'aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm ' +
  'andern anders auch auf aus bei bin bis bist bzw da damit dann das dass daß dein deine deinem deinen ' +
  'deiner deines dem demselben den denn denselben der derer derselbe derselben des desselben dessen dich ' +
  'die dies diese diesem diesen dieser dieses dieselbe dieselben dasselbe dir doch dort du durch ein eine ' +
  'einem einen einer eines einig einige einigem einigen einiger einiges einmal er es etwas euch euer eure ' +
  'eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ' +
  'ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen ' +
  'jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte machen man manche manchem ' +
  'manchen mancher manches mein meine meinem meinen meiner meines mich mir mit muss musste müssen nach ' +
  'nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie sind ' +
  'so solche solchem solchen solcher solches soll sollte sondern sonst sowie über um und uns unser unsere ' +
  'unserem unseren unseres unter usw viel vom von vor während war waren warst was weil weiter welche ' +
  'welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte ' +
  'worden würde würden wurde wurden zu zum zur zwar zwischen'
).split(' ');

const STOP_WORD_FORMS = new Set(STOP_WORDS.map(toStemAlphabet));

// Full case folding where it differs from the lowercase mapping: "XXXX=YYYY ZZZZ;" (hexadecimal code points).
// Same text as Sources/PortalSearch/CaseFolding.swift; checked against Tests/Fixtures/search/casefold.json.
const FOLD_TABLE_TEXT =
  '00B5=3BC;00DF=73 73;0149=2BC 6E;017F=73;01F0=6A 30C;0345=3B9;0390=3B9 308 301;03B0=3C5 308 301;' +
  '03C2=3C3;03D0=3B2;03D1=3B8;03D5=3C6;03D6=3C0;03F0=3BA;03F1=3C1;03F5=3B5;0587=565 582;1C80=432;' +
  '1C81=434;1C82=43E;1C83=441;1C84=442;1C85=442;1C86=44A;1C87=463;1C88=A64B;1E96=68 331;' +
  '1E97=74 308;1E98=77 30A;1E99=79 30A;1E9A=61 2BE;1E9B=1E61;1E9E=73 73;1F50=3C5 313;' +
  '1F52=3C5 313 300;1F54=3C5 313 301;1F56=3C5 313 342;1F80=1F00 3B9;1F81=1F01 3B9;1F82=1F02 3B9;' +
  '1F83=1F03 3B9;1F84=1F04 3B9;1F85=1F05 3B9;1F86=1F06 3B9;1F87=1F07 3B9;1F88=1F00 3B9;' +
  '1F89=1F01 3B9;1F8A=1F02 3B9;1F8B=1F03 3B9;1F8C=1F04 3B9;1F8D=1F05 3B9;1F8E=1F06 3B9;' +
  '1F8F=1F07 3B9;1F90=1F20 3B9;1F91=1F21 3B9;1F92=1F22 3B9;1F93=1F23 3B9;1F94=1F24 3B9;' +
  '1F95=1F25 3B9;1F96=1F26 3B9;1F97=1F27 3B9;1F98=1F20 3B9;1F99=1F21 3B9;1F9A=1F22 3B9;' +
  '1F9B=1F23 3B9;1F9C=1F24 3B9;1F9D=1F25 3B9;1F9E=1F26 3B9;1F9F=1F27 3B9;1FA0=1F60 3B9;' +
  '1FA1=1F61 3B9;1FA2=1F62 3B9;1FA3=1F63 3B9;1FA4=1F64 3B9;1FA5=1F65 3B9;1FA6=1F66 3B9;' +
  '1FA7=1F67 3B9;1FA8=1F60 3B9;1FA9=1F61 3B9;1FAA=1F62 3B9;1FAB=1F63 3B9;1FAC=1F64 3B9;' +
  '1FAD=1F65 3B9;1FAE=1F66 3B9;1FAF=1F67 3B9;1FB2=1F70 3B9;1FB3=3B1 3B9;1FB4=3AC 3B9;1FB6=3B1 342;' +
  '1FB7=3B1 342 3B9;1FBC=3B1 3B9;1FBE=3B9;1FC2=1F74 3B9;1FC3=3B7 3B9;1FC4=3AE 3B9;1FC6=3B7 342;' +
  '1FC7=3B7 342 3B9;1FCC=3B7 3B9;1FD2=3B9 308 300;1FD3=3B9 308 301;1FD6=3B9 342;1FD7=3B9 308 342;' +
  '1FE2=3C5 308 300;1FE3=3C5 308 301;1FE4=3C1 313;1FE6=3C5 342;1FE7=3C5 308 342;1FF2=1F7C 3B9;' +
  '1FF3=3C9 3B9;1FF4=3CE 3B9;1FF6=3C9 342;1FF7=3C9 342 3B9;1FFC=3C9 3B9;FB00=66 66;FB01=66 69;' +
  'FB02=66 6C;FB03=66 66 69;FB04=66 66 6C;FB05=73 74;FB06=73 74;FB13=574 576;FB14=574 565;' +
  'FB15=574 56B;FB16=57E 576;FB17=574 56D';

const FOLD_TABLE = new Map(
  FOLD_TABLE_TEXT.split(';').map((entry) => {
    const [key, value] = entry.split('=');
    return [parseInt(key, 16), String.fromCodePoint(...value.split(' ').map((hex) => parseInt(hex, 16)))];
  }),
);

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;
const NUMBER_CHARACTER = /\p{N}/u;
const NON_ASCII = /[^\u0000-\u007f]/;

/** Returns the full case folding of one code point. */
export function foldCodePoint(codePoint) {
  if (codePoint < 0x80) {
    return String.fromCharCode(codePoint >= 0x41 && codePoint <= 0x5a ? codePoint + 0x20 : codePoint);
  }
  // Cherokee folds to its upper-case letters.
  if (codePoint >= 0x13a0 && codePoint <= 0x13f5) return String.fromCodePoint(codePoint);
  if (codePoint >= 0x13f8 && codePoint <= 0x13fd) return String.fromCodePoint(codePoint - 8);
  if (codePoint >= 0xab70 && codePoint <= 0xabbf) return String.fromCodePoint(codePoint - 0x97d0);
  return FOLD_TABLE.get(codePoint) ?? String.fromCodePoint(codePoint).toLowerCase();
}

/** Soft hyphen and zero-width characters: removed as if they were not there. */
export function isIgnorable(codePoint) {
  return codePoint === 0xad || codePoint === 0x200b || codePoint === 0x200c || codePoint === 0x200d ||
    codePoint === 0x2060 || codePoint === 0xfeff;
}

/** Hyphen-minus, hyphen and non-breaking hyphen join words into compounds. */
export function isHyphen(codePoint) {
  return codePoint === 0x2d || codePoint === 0x2010 || codePoint === 0x2011;
}

/** Letters (L), marks (M) and numbers (N) make up tokens. */
export function isWordCharacter(codePoint) {
  if (codePoint < 0x80) {
    return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x41 && codePoint <= 0x5a) ||
      (codePoint >= 0x61 && codePoint <= 0x7a);
  }
  return WORD_CHARACTER.test(String.fromCodePoint(codePoint));
}

const compose = (text) => (NON_ASCII.test(text) ? text.normalize('NFC') : text);

/** NFC, full case folding, soft hyphen and zero-width characters removed. */
export function normalize(text) {
  let folded = '';
  for (const character of text.normalize('NFC')) {
    const codePoint = character.codePointAt(0);
    if (!isIgnorable(codePoint)) folded += foldCodePoint(codePoint);
  }
  return compose(folded);
}

/**
 * Returns the tokens of a text in reading order: { text, role, start, end }. `text` is normalised; `role` is
 * 'word', 'joined' (hyphenated words written together) or 'part' (one word of a hyphenated compound); `start` and
 * `end` are UTF-16 offsets into the NFC form of the input (stored texts are NFC already, so offsets fit them).
 */
export function tokenize(input) {
  const text = input.normalize('NFC');
  const tokens = [];
  let segments = [];
  let current = null;

  const emit = (folded, role, start, end) => {
    const tokenText = compose(folded);
    let length = 0;
    for (const _ of tokenText) {
      length += 1;
      if (length > MAXIMUM_TOKEN_LENGTH) return;
    }
    tokens.push({ text: tokenText, role, start, end });
  };
  const finish = () => {
    if (current !== null) segments.push(current);
    current = null;
    if (segments.length === 1) {
      const [only] = segments;
      emit(only.folded, 'word', only.start, only.end);
    } else if (segments.length > 1) {
      const joined = segments.map((segment) => segment.folded).join('');
      emit(joined, 'joined', segments[0].start, segments[segments.length - 1].end);
      for (const segment of segments) emit(segment.folded, 'part', segment.start, segment.end);
    }
    segments = [];
  };

  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index);
    const width = codePoint > 0xffff ? 2 : 1;
    if (isIgnorable(codePoint)) {
      // skipped as if absent
    } else if (isWordCharacter(codePoint)) {
      if (current === null) current = { folded: '', start: index, end: index };
      current.folded += foldCodePoint(codePoint);
      current.end = index + width;
    } else if (isHyphen(codePoint) && current !== null) {
      segments.push(current);
      current = null;
    } else {
      finish();
    }
    index += width;
  }
  finish();
  return tokens;
}

/** Whether a normalised token is a stop word (compared in the stem alphabet). */
export function isStopWord(token) {
  return STOP_WORD_FORMS.has(toStemAlphabet(token));
}

/** The index terms of a text: stems of its tokens that are not stop words, in order. */
export function terms(text) {
  return tokenize(text).filter((token) => !isStopWord(token.text)).map((token) => stem(token.text));
}

/** Compares strings by code point (the order of UTF-8 bytes, which the index uses). */
export function compareCodePoints(left, right) {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    const a = left.charCodeAt(index);
    const b = right.charCodeAt(index);
    if (a !== b) {
      const surrogateA = a >= 0xd800 && a <= 0xdfff;
      const surrogateB = b >= 0xd800 && b <= 0xdfff;
      if (surrogateA !== surrogateB) return surrogateA ? 1 : -1;
      return a < b ? -1 : 1;
    }
  }
  return left.length - right.length;
}

/**
 * Splits a normalised compound word into known stems, or returns [] if it cannot.
 *
 * Works in the stem alphabet. Every part but the last must be a known stem (`isKnownStem`), optionally followed by
 * a linking element; the last part is stemmed and its stem must be known. Parts are at least MINIMUM_PART_LENGTH
 * long. Among all splits, the one with the fewest parts wins, then the one whose shortest part is longest, then
 * longer earlier parts, then the smaller keys. Returns the parts' index keys.
 */
export function splitCompound(word, isKnownStem) {
  if (NUMBER_CHARACTER.test(word)) return [];
  const letters = Array.from(toStemAlphabet(word));
  const length = letters.length;
  if (length < 2 * MINIMUM_PART_LENGTH) return [];
  const slice = (start, end) => letters.slice(start, end).join('');
  const memo = new Map();

  // Best split of letters[start...] into one or more parts, the last one a head; null if none.
  const bestFrom = (start, mayBeWhole) => {
    const memoKey = start * 2 + (mayBeWhole ? 1 : 0);
    if (memo.has(memoKey)) return memo.get(memoKey);
    let best = null;
    if (mayBeWhole && length - start >= MINIMUM_PART_LENGTH) {
      const key = stem(slice(start, length));
      if (Array.from(key).length >= MINIMUM_PART_LENGTH && isKnownStem(key)) {
        best = [{ key, length: length - start }];
      }
    }
    for (let end = start + MINIMUM_PART_LENGTH; end <= length - MINIMUM_PART_LENGTH; end += 1) {
      const part = slice(start, end);
      if (!isKnownStem(part)) continue;
      for (const link of LINKING_ELEMENTS) {
        const next = end + link.length;
        if (next > length - MINIMUM_PART_LENGTH) continue;
        if (link !== '' && slice(end, next) !== link) continue;
        const rest = bestFrom(next, true);
        if (rest === null) continue;
        const candidate = [{ key: part, length: end - start }, ...rest];
        if (best === null || isBetterSplit(candidate, best)) best = candidate;
      }
    }
    memo.set(memoKey, best);
    return best;
  };

  const best = bestFrom(0, false);
  if (best === null) return [];
  const keys = [];
  for (const { key } of best) if (!keys.includes(key)) keys.push(key);
  return keys;
}

function isBetterSplit(candidate, best) {
  if (candidate.length !== best.length) return candidate.length < best.length;
  const shortest = (split) => Math.min(...split.map((part) => part.length));
  if (shortest(candidate) !== shortest(best)) return shortest(candidate) > shortest(best);
  for (let index = 0; index < candidate.length; index += 1) {
    if (candidate[index].length !== best[index].length) return candidate[index].length > best[index].length;
  }
  for (let index = 0; index < candidate.length; index += 1) {
    const order = compareCodePoints(candidate[index].key, best[index].key);
    if (order !== 0) return order < 0;
  }
  return false;
}
