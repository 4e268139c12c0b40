// Headless LibreOffice as a second spreadsheet engine: it opens .xlsx files saved by the
// emulator, recalculates every formula on load (a fresh profile that says so) and saves them
// again, so their cached values are LibreOffice's own. Shared by test/bundle/libreoffice.test.ts
// and the tab-truth test. Without soffice the callers skip loudly, except under CI=true.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';

export const SOFFICE = [
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/usr/bin/libreoffice',
  '/opt/libreoffice/program/soffice',
].find((p) => existsSync(p));
export const UNDER_CI = process.env.CI === 'true';

/** `test`, or `test.skip` with a loud warning when LibreOffice is missing outside CI. */
export function libreOfficeTest(what: string): jest.It {
  if (!SOFFICE && !UNDER_CI)
    console.warn(`LibreOffice (soffice) not found: SKIPPING ${what} (it runs under CI=true).`);
  return SOFFICE || UNDER_CI ? test : test.skip;
}

/** A fresh LibreOffice profile that recalculates every formula when it loads a file. */
const ALWAYS_RECALC = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens every file of `inputs` in one headless LibreOffice (recalculating) and saves each as
 * .xlsx in `outDir`; returns the converted paths in the same order.
 */
export function libreOfficeRecalc(inputs: string[], outDir: string): string[] {
  if (!SOFFICE) throw new Error('CI=true but LibreOffice (soffice) is not installed');
  const profile = mkdtempSync(join(tmpdir(), 'gn-lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALC);
  try {
    execFileSync(
      SOFFICE,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outDir,
        ...inputs,
      ],
      { stdio: 'pipe', timeout: 900_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return inputs.map((input) => {
    const out = join(outDir, basename(input));
    if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${input}`);
    return out;
  });
}

/** The cached result of a cell as LibreOffice saved it: number, string ('' for blank) or error text. */
export function cached(cell: ExcelJS.Cell): unknown {
  // `cell.value` drops a falsy result (0) of a formula; the model keeps it.
  const model = cell.model as {
    formula?: string;
    sharedFormula?: string;
    result?: unknown;
    value?: unknown;
  };
  const r =
    model.formula !== undefined || model.sharedFormula !== undefined ? model.result : model.value;
  if (r === null || r === undefined) return '';
  if (typeof r === 'object' && 'error' in r) return (r as { error: string }).error;
  return r;
}
