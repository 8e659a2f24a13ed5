// The Snowball German stemmer (current algorithm, which treats "ae", "oe" and "ue" as umlauts),
// written by hand after the published description at snowballstem.org. It must give the same stems as
// Sources/PortalSearch/GermanStemmer.swift; both are tested against the 35,033 Snowball vectors.
//
// Input: one word that is already normalised (NFC) and case-folded. Output: its stem, in the "stem alphabet"
// (ä, ö, ü → a, o, u and ß → ss), so stems of spelling variants meet: "Straße"/"Strasse", "Bürger"/"Buerger".

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü']);
const S_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't']);
const ST_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 't']);

const ET_ENDING = new Set(['d', 'f', 'g', 'k', 'l', 'm', 'n', 'r', 's', 't', 'U', 'z', 'ä']);
const ET_EXCEPTIONS = ['geordn', 'intern', 'tick', 'plan', 'tr'];
const POSTLUDE = new Map([['Y', 'y'], ['U', 'u'], ['ä', 'a'], ['ö', 'o'], ['ü', 'u']]);

// Longest first, so the first suffix found is the longest one, as Snowball's "among" requires.
const STEP1_SUFFIXES = ['erinnen', 'erin', 'ern', 'lns', 'em', 'er', 'en', 'es', 'ln', 'e', 's'];
const STEP2_SUFFIXES = ['est', 'en', 'er', 'et', 'st'];
const STEP3_SUFFIXES = ['isch', 'lich', 'heit', 'keit', 'end', 'ung', 'ig', 'ik'];

const isVowel = (ch) => VOWELS.has(ch);

/** Returns the Snowball German stem of a normalised, case-folded word. */
export function stem(word) {
  const chars = prelude(Array.from(word));
  const regions = markRegions(chars);
  removeStandardSuffixes(chars, regions);
  return postlude(chars);
}

/** Converts a word to the stem alphabet without removing suffixes (used for prefix matching and stop words). */
export function toStemAlphabet(word) {
  return postlude(prelude(Array.from(word)));
}

/** Marks u and y between vowels as consonants, then replaces ß by ss and ae, oe, ue by umlauts. */
function prelude(chars) {
  for (let i = 0; i + 2 < chars.length; i += 1) {
    if (isVowel(chars[i]) && isVowel(chars[i + 2])) {
      if (chars[i + 1] === 'u') chars[i + 1] = 'U';
      else if (chars[i + 1] === 'y') chars[i + 1] = 'Y';
    }
  }
  const result = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    const next = chars[i + 1];
    if (ch === 'ß') {
      result.push('s', 's');
      i += 1;
    } else if (next === 'e' && (ch === 'a' || ch === 'o' || ch === 'u')) {
      result.push(ch === 'a' ? 'ä' : ch === 'o' ? 'ö' : 'ü');
      i += 2;
    } else if (ch === 'q' && next === 'u') {
      result.push('q', 'u');
      i += 2;
    } else {
      result.push(ch);
      i += 1;
    }
  }
  return result;
}

/** Finds R1 and R2: the regions after the first and second vowel–consonant pair (R1 starts at 3 or later). */
function markRegions(chars) {
  const length = chars.length;
  const regions = { r1: length, r2: length };
  if (length < 3) return regions;
  const afterVowelConsonant = (from) => {
    let cursor = from;
    while (cursor < length && !isVowel(chars[cursor])) cursor += 1;
    if (cursor >= length) return -1;
    cursor += 1;
    while (cursor < length && isVowel(chars[cursor])) cursor += 1;
    if (cursor >= length) return -1;
    return cursor + 1;
  };
  const p1 = afterVowelConsonant(0);
  if (p1 < 0) return regions;
  regions.r1 = Math.max(p1, 3);
  const p2 = afterVowelConsonant(p1);
  if (p2 >= 0) regions.r2 = p2;
  return regions;
}

function endsWith(chars, suffix, end = chars.length) {
  const start = end - suffix.length;
  if (start < 0) return false;
  for (let i = 0; i < suffix.length; i += 1) {
    if (chars[start + i] !== suffix[i]) return false;
  }
  return true;
}

function longestSuffix(chars, suffixes) {
  for (const suffix of suffixes) {
    if (endsWith(chars, suffix)) return suffix;
  }
  return null;
}

/** The three suffix-removal steps of the algorithm, applied in place. */
function removeStandardSuffixes(chars, { r1, r2 }) {
  // Step 1: inflectional endings in R1.
  let suffix = longestSuffix(chars, STEP1_SUFFIXES);
  if (suffix !== null && chars.length - suffix.length >= r1) {
    const start = chars.length - suffix.length;
    switch (suffix) {
      case 'em':
        if (!endsWith(chars, 'syst', start)) chars.length = start;
        break;
      case 'erinnen':
      case 'erin':
      case 'ern':
      case 'er':
        chars.length = start;
        break;
      case 'e':
      case 'en':
      case 'es':
        chars.length = start;
        if (endsWith(chars, 'niss')) chars.length -= 1;
        break;
      case 's':
        if (start > 0 && S_ENDING.has(chars[start - 1])) chars.length = start;
        break;
      default: // 'ln', 'lns'
        chars.length = start;
        chars.push('l');
    }
  }

  // Step 2: -en, -er, -est; -st after a valid st-ending preceded by at least three letters; -et after a
  // valid et-ending unless the word ends in one of the exceptions (geordnet, internet, ticket, planet, -tret).
  suffix = longestSuffix(chars, STEP2_SUFFIXES);
  if (suffix !== null && chars.length - suffix.length >= r1) {
    const start = chars.length - suffix.length;
    if (suffix === 'st') {
      if (start >= 4 && ST_ENDING.has(chars[start - 1])) chars.length = start;
    } else if (suffix === 'et') {
      const isException = ET_EXCEPTIONS.some((ending) => endsWith(chars, ending, start));
      if (ET_ENDING.has(chars[start - 1]) && !isException) chars.length = start;
    } else {
      chars.length = start;
    }
  }

  // Step 3: derivational endings in R2.
  suffix = longestSuffix(chars, STEP3_SUFFIXES);
  if (suffix !== null && chars.length - suffix.length >= r2) {
    const start = chars.length - suffix.length;
    switch (suffix) {
      case 'end':
      case 'ung':
        chars.length = start;
        if (endsWith(chars, 'ig') && chars[start - 3] !== 'e' && start - 2 >= r2) chars.length = start - 2;
        break;
      case 'ig':
      case 'ik':
      case 'isch':
        if (chars[start - 1] !== 'e') chars.length = start;
        break;
      case 'lich':
      case 'heit':
        chars.length = start;
        if ((endsWith(chars, 'er') || endsWith(chars, 'en')) && start - 2 >= r1) chars.length = start - 2;
        break;
      default: // 'keit'
        chars.length = start;
        if (endsWith(chars, 'lich') && start - 4 >= r2) chars.length = start - 4;
        else if (endsWith(chars, 'ig') && start - 2 >= r2) chars.length = start - 2;
    }
  }
}

function postlude(chars) {
  let result = '';
  for (const ch of chars) result += POSTLUDE.get(ch) ?? ch;
  return result;
}
