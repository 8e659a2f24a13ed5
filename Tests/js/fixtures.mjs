// Locates the shared test data in Tests/Fixtures/ for the Node tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file below Tests/Fixtures/. */
export function fixturePath(relativePath) {
  return fileURLToPath(new URL(`../Fixtures/${relativePath}`, import.meta.url));
}

/** A fixture's text. */
export function fixtureText(relativePath) {
  return readFileSync(fixturePath(relativePath), 'utf8');
}

/** A JSON fixture, parsed. */
export function fixtureJSON(relativePath) {
  return JSON.parse(fixtureText(relativePath));
}
