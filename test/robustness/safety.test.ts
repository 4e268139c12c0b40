// Safety of the whole workbook, on one realistic baseline (12 units, 2021 and 2025, nominations,
// five reports submitted), section by section (each in sections/):
//   access       — forged google.script.run calls are refused and change nothing;
//   concurrency  — two consolidations never interleave; a submission during one is never lost;
//   idempotence  — 20 runs give the same outputs, the log grows by one row a run;
//   injection    — text starting with =, +, - or @ never becomes a formula, nor in the .xlsx.
// The sections share one workbook (building one costs seconds) and run in this order; each
// leaves the workbook consistent for the next.
import { buildBaseline, ensureBuilt, type Baseline } from './harness';
import { accessTests } from './sections/access';
import { concurrencyTests } from './sections/concurrency';
import { idempotenceTests } from './sections/idempotence';
import { injectionTests } from './sections/injection';

let base: Baseline;
beforeAll(() => {
  ensureBuilt();
  base = buildBaseline();
}, 180_000);
const shared = () => base;

describe('access', () => accessTests(shared));
describe('concurrency', () => concurrencyTests(shared));
describe('idempotence and history', () => idempotenceTests(shared));
describe('formula injection', () => injectionTests(shared));
