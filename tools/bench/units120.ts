// The post-reform workbook of the bench and its synthetic figures: 120 units (one tab each) × 15
// rows (communes), the baseline year and four period years (5 years of data). It replaces the
// former 63-tab × 170-commune national workbook: after the 2025 reform a province's sheet has
// many more, shorter unit tabs, and the number of tabs is what drives setup and protection. The
// figures come from the demo's generator (pacedRecords in tools/demo/sampleData.ts: three paces
// of reduction, movement figures on about half of the rows, its own seed), so some units attain
// the target and some do not, and the award shortlist is as long as a real run would make it.
import { DEFAULT_CONFIG, type Config } from '../../src/core/config';
import type { RawCommuneYear, UnitInput } from '../../src/core/types';
import { unitLayout, a1 } from '../../src/sheets/layout';
import { pacedRecords, type SampleRecord } from '../demo/sampleData';

export const UNITS120 = 120;
export const UNITS120_COMMUNES = 15;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The default configuration with `units` units of `communes` communes each. */
export function units120Config(units = UNITS120, communes = UNITS120_COMMUNES): Config {
  return {
    ...DEFAULT_CONFIG,
    province: 'Mô phỏng 120 đơn vị',
    units: Array.from({ length: units }, (_, u) => {
      const name = `Đơn vị ${pad(u + 1, 2)}`;
      return {
        name,
        tab: name,
        editors: [],
        communes: Array.from(
          { length: communes },
          (_, c) => `Xã ${pad(u + 1, 2)}-${pad(c + 1, 3)}`,
        ),
      };
    }),
  };
}

/** Every commune-year of `config` for the baseline and period years (deterministic). */
export function syntheticRecords(config: Config): SampleRecord[] {
  return pacedRecords(config.units, [config.baselineYear, ...config.years], 63170, 2700);
}

/**
 * The core's input for these records, built directly (what sheets/unitReader.ts makes of a
 * freshly built tab: numbers as numbers, blanks as '', the A1 cell of every field).
 */
export function unitInputs(config: Config, records: readonly SampleRecord[]): UnitInput[] {
  const layout = unitLayout(config.baselineYear, config.years, 0);
  const byUnit = new Map<string, SampleRecord[]>();
  for (const r of records) {
    const list = byUnit.get(r.district);
    if (list) list.push(r);
    else byUnit.set(r.district, [r]);
  }
  return config.units.map((unit) => {
    const rowOf = new Map(unit.communes.map((c, i) => [c, layout.firstCommuneRow + i]));
    const rows: RawCommuneYear[] = (byUnit.get(unit.name) ?? []).map((r) => {
      const block = layout.blocks.find((b) => b.year === r.year) ?? layout.blocks[0];
      const row = rowOf.get(r.commune) ?? 0;
      const at = (field: keyof typeof block.column) => {
        const c = block.column[field];
        return c === undefined ? a1(row, 1) : a1(row, c);
      };
      return {
        unit: unit.name,
        sheet: unit.tab,
        commune: r.commune,
        year: r.year,
        households: r.households,
        poor: r.poor,
        nearPoor: r.near_poor,
        poorExited: block.isBaseline ? '' : r.poor_exited,
        poorReturned: block.isBaseline ? '' : r.poor_returned,
        poorNew: block.isBaseline ? '' : r.poor_new,
        mergedInto: '',
        cells: {
          commune: a1(row, layout.communeColumn),
          year: a1(layout.headerRow, block.column.households ?? 1),
          households: at('households'),
          poor: at('poor'),
          nearPoor: at('nearPoor'),
          poorExited: at('poorExited'),
          poorReturned: at('poorReturned'),
          poorNew: at('poorNew'),
          mergedInto: a1(row, layout.mergedIntoColumn),
        },
      };
    });
    return {
      unit: unit.name,
      sheet: unit.tab,
      rows,
      criteria: [],
      nominations: [],
      submissions: [],
      layoutProblems: [],
    };
  });
}
