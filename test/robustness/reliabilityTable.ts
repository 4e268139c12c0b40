// Prints the table "bad input → what the user sees" of docs/RELIABILITY.md from the messages the
// last corpus run recorded (out/robustness/corpus.json):  npx tsx test/robustness/reliabilityTable.ts
import { readResults } from './corpus';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rows = readResults();
process.stdout.write(
  '| # | bad input (unit tab) | outcome | what the user sees (summary, sidebar "check my data") |\n|---|---|---|---|\n',
);
rows.forEach((r, i) =>
  process.stdout.write(
    `| ${i + 1} | ${cell(r.input)} | ${cell(r.outcome)} | ${cell(r.message)} |\n`,
  ),
);
