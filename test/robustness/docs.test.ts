// docs/RELIABILITY.md stays in step with the corpus: every case is in its table, and the count
// of cases it states is the corpus's.
import { readFileSync } from 'node:fs';
import { STRUCTURE_CASES } from './cases/structure';
import { VALUE_CASES } from './cases/values';
import { KNOWN_DIFFERENCES, LIBREOFFICE_DIFFERENCES } from './knownDifferences';

// Table cells are padded by prettier: compare with runs of spaces folded.
const doc = readFileSync('docs/RELIABILITY.md', 'utf8').replace(/ {2,}/g, ' ');
const cases = [...VALUE_CASES, ...STRUCTURE_CASES];

test('every corpus case is in the table of docs/RELIABILITY.md', () => {
  const missing = cases
    .filter((c) => !doc.includes(`| ${c.input.replace(/\|/g, '\\|')} |`))
    .map((c) => c.input);
  expect(missing).toEqual([]);
});

test('docs/RELIABILITY.md states the number of cases', () => {
  expect(doc).toContain(
    `| bad inputs typed into a unit tab (\`corpus.test.ts\`, cases in \`cases/\`) | ${cases.length} |`,
  );
  expect(cases.filter((c) => c.knownBug).length).toBe(0);
});

test('docs/RELIABILITY.md lists every known difference between a unit tab and the summary', () => {
  const byName = new Map(cases.map((c) => [c.name, c.input]));
  const missing = [
    ...Object.keys(KNOWN_DIFFERENCES),
    ...Object.keys(LIBREOFFICE_DIFFERENCES),
  ].filter((name) => !doc.includes(`| ${(byName.get(name) ?? name).replace(/\|/g, '\\|')} |`));
  expect(missing).toEqual([]);
  expect(doc).toContain(
    `| ${cases.length - Object.keys(KNOWN_DIFFERENCES).length} of ${cases.length} cases and the clean tabs | match exactly |`,
  );
});
