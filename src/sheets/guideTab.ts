// The tab "Hướng dẫn": how to use the workbook, in plain Vietnamese, written by setup. The text
// is src/sheets/guide.txt, which the build puts in dist/SetupData.html (setupData.ts) so that
// dist/Code.js does not carry it; the figures of Cấu hình are filled in here.
import { rowNoun, type Config } from '../core/config';
import { lowerFirst, upperFirst } from '../core/reportWords';
import { unitWords } from './layout';
import { formatDayMonth, formatPercent } from '../core/format';
import { asText } from './cellText';
import { fillText } from './setupData';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One line of the guide: a heading or a paragraph. */
export interface GuideLine {
  text: string;
  heading?: boolean;
}

/**
 * The guide's lines for a configuration (pure). `template` is SetupData.guide: "# " starts a
 * heading; {MOVEMENT}, {province}, {planNumber}, {baselineYear}, {firstYear}, {lastYear},
 * {poor}, {combined}, {deadline}, the administrative words ({provinceNoun}, {PROVINCENOUN},
 * {unitLevel}, {UNITLEVEL}, {rowLevel}, {row}, {Row}, {ROW}, {provinceRow}, {wholeProvince}, {exampleUnit}, {departments}) and the unit tab's
 * row texts ({communeHeader}, {mergedIntoHeader}, {nameCheckHeader}, {spacer}) are filled in
 * from `config`.
 */
export function guideLines(config: Config, template: readonly string[]): GuideLine[] {
  const values: Record<string, string | number> = {
    MOVEMENT: config.movementName.toUpperCase(),
    province: config.province,
    planNumber: config.planNumber,
    baselineYear: config.baselineYear,
    firstYear: Math.min(...config.years),
    lastYear: Math.max(...config.years),
    poor: formatPercent(config.targets.poorReduction, 0),
    combined: formatPercent(config.targets.combinedReduction, 0),
    deadline: formatDayMonth(config.deadline.day, config.deadline.month),
    // The administrative words of Cấu hình (TỪ NGỮ HÀNH CHÍNH) and the unit tab's own texts.
    provinceNoun: config.words.provinceNoun,
    unitLevel: config.words.unitLevel,
    UNITLEVEL: config.words.unitLevel.toUpperCase(),
    PROVINCENOUN: config.words.provinceNoun.toUpperCase(),
    rowLevel: config.words.rowLevel,
    row: rowNoun(config.words),
    Row: upperFirst(rowNoun(config.words)),
    ROW: rowNoun(config.words).toUpperCase(),
    provinceRow: config.words.provinceRow,
    wholeProvince: lowerFirst(config.words.provinceRow),
    exampleUnit: config.units[0]?.name ?? '',
    // One name where one department does both (Sở Nội vụ after the 2025 reform).
    departments: [
      ...new Set([config.words.emulationDepartment, config.words.povertyDepartment]),
    ].join(' hoặc '),
    ...unitWords(config.words.rowLevel),
  };
  return template.map((line) => {
    const heading = line.startsWith('# ');
    const text = fillText(heading ? line.slice(2) : line, values);
    return heading ? { text, heading } : { text };
  });
}

/** Writes the guide in column A (one setValues), headings in bold. */
export function writeGuideSheet(sheet: Sheet, config: Config, template: readonly string[]): void {
  const lines = guideLines(config, template);
  if (sheet.getLastRow() > 0) sheet.clear();
  const maxRows = sheet.getMaxRows();
  if (maxRows < lines.length) sheet.insertRowsAfter(maxRows, lines.length - maxRows);
  const column = sheet.getRange(1, 1, lines.length, 1);
  column.setValues(lines.map((l) => [asText(l.text)]));
  column.setFontWeights(lines.map((l) => [l.heading ? 'bold' : 'normal']));
  column.setFontColors(lines.map((l) => [l.heading ? '#1c4587' : null]));
  column.setWrap(true).setVerticalAlignment('top');
  sheet.getRange(1, 1).setFontSize(14);
  sheet.setColumnWidth(1, 900);
}
