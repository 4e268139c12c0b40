/**
 * Generates examples/hai-phong-2026-2030.json: the configuration of Hải Phòng city for the
 * 2026-2030 period, after the 2025 reform (no district level; communes, wards and special zones
 * report to the city). Units are the city's 114 commune-level units from 1/7/2025, as listed in
 * ../shared/data/hai-phong-communes-2025-07-01.csv (Resolution 1669/NQ-UBTVQH15).
 *
 * The rows are villages (thôn, tổ dân phố). No official village list is in the shared data, so
 * the rows are ILLUSTRATIVE: one per old unit the resolution says formed the new one, named after
 * it ("Thôn Dương Quan (minh họa)"), and every name says "(minh họa)" (docs/DECISIONS.md).
 * Run: npm run gen:example (npx tsx tools/gen-example-hai-phong.ts). The file is committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfig, type Config, type UnitConfig } from '../src/core/config';
import {
  DEFAULT_CONFIG,
  DEFAULT_POVERTY_STANDARDS,
  DEFAULT_TARGETS,
} from '../src/core/defaultConfig';
import { parseCsv } from './csvInput';

const repoRoot = path.resolve(__dirname, '..');
const SOURCE = '../shared/data/hai-phong-communes-2025-07-01.csv';
const EXAMPLE_FILE = 'examples/hai-phong-2026-2030.json';
/** What every illustrative village name ends with. */
const ILLUSTRATIVE = '(minh họa)';

interface NewCommune {
  code: string;
  name: string;
  type: 'xã' | 'phường' | 'đặc khu';
  formedFrom: string[];
}

function parseHaiPhongCsv(text: string): NewCommune[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const col = (name: string) => {
    const i = header.cells.indexOf(name);
    if (i < 0) throw new Error(`${SOURCE}: no column "${name}"`);
    return i;
  };
  const [code, name, type, formed] = ['code', 'name', 'type', 'formed_from'].map(col);
  return rows.map((r) => ({
    code: r.cells[code],
    name: r.cells[name].normalize('NFC').trim(),
    type: r.cells[type].normalize('NFC').trim() as NewCommune['type'],
    formedFrom: r.cells[formed]
      .split(' | ')
      .map((s) => s.normalize('NFC').trim())
      .filter((s) => s !== ''),
  }));
}

/** "Phường Dương Quan (Thành phố Thuỷ Nguyên, Thành phố Hải Phòng)" → "Dương Quan". */
function placeName(oldUnit: string): string {
  return oldUnit
    .replace(/\s*\(.*\)\s*$/, '')
    .replace(/^(Xã|Phường|Thị trấn|Huyện|Thị xã|Thành phố|Quận) /, '')
    .trim();
}

/** The village noun of a new unit: wards have tổ dân phố, communes and special zones thôn. */
const villageNoun = (c: NewCommune): string => (c.type === 'phường' ? 'Tổ dân phố' : 'Thôn');

/** One illustrative village per old unit that formed the new one (distinct names). */
function illustrativeVillages(c: NewCommune): string[] {
  const names = c.formedFrom.map((o) => `${villageNoun(c)} ${placeName(o)} ${ILLUSTRATIVE}`);
  return [...new Set(names)];
}

/**
 * The city's departments and organisations, as agencies not taking part until an analyst says so
 * (plan V.4 has them report before 30/11). After the 2025 reform the labour department is part
 * of Sở Nội vụ (which consolidates, so is not listed) and the mass organisations sit under the
 * Fatherland Front.
 */
function agencies(): UnitConfig[] {
  return [
    'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hải Phòng',
    'Sở Tài chính',
    'Sở Y tế',
    'Sở Khoa học và Công nghệ',
    'Liên đoàn Lao động thành phố Hải Phòng',
    'Thành đoàn Hải Phòng',
    'Hội Liên hiệp Phụ nữ thành phố Hải Phòng',
    'Hội Nông dân thành phố Hải Phòng',
    'Hội Cựu chiến binh thành phố Hải Phòng',
  ].map((name) => ({ name, tab: name, editors: [], communes: [], kind: 'agency', active: false }));
}

/**
 * The default award forms (plan 2396; who may receive each, priors), renamed for a city whose
 * labour department is part of Sở Nội vụ and whose units are communes (no district level).
 */
function awards(): Config['awards'] {
  const renamed: Readonly<Record<number, { name: string; authority: string }>> = {
    3: { name: 'Bằng khen của Bộ trưởng Bộ Nội vụ', authority: 'Bộ trưởng Bộ Nội vụ' },
    4: {
      name: 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố',
      authority: 'Chủ tịch Ủy ban nhân dân thành phố',
    },
    5: { name: 'Giấy khen của Giám đốc Sở Nội vụ', authority: 'Giám đốc Sở Nội vụ' },
    6: {
      name: 'Giấy khen của Chủ tịch Ủy ban nhân dân xã, phường, đặc khu',
      authority: 'Chủ tịch Ủy ban nhân dân cấp xã',
    },
  };
  return DEFAULT_CONFIG.awards.map((a) => ({
    ...a,
    ...renamed[a.rank],
    subjectTypes: [...a.subjectTypes],
  }));
}

function exampleConfig(communes: NewCommune[]): Config {
  return {
    province: 'Hải Phòng',
    // Illustrative: the city's plan for 2026-2030 is not in the shared data.
    planNumber: '…/KH-UBND (ví dụ)',
    planDate: '2026-01-15',
    movementName: DEFAULT_CONFIG.movementName,
    baselineYear: 2025,
    years: [2026, 2027, 2028, 2029, 2030],
    midTermYear: 2028,
    finalYear: 2030,
    targets: DEFAULT_TARGETS,
    // Plan V.4's deadline (30/11, Việt Nam's time) and the default reminder days are kept
    // (docs/DECISIONS.md 49).
    deadline: { ...DEFAULT_CONFIG.deadline },
    locale: DEFAULT_CONFIG.locale,
    reminderDays: [...DEFAULT_CONFIG.reminderDays],
    units: communes.map((c) => ({
      name: c.name,
      tab: c.name,
      editors: [],
      communes: illustrativeVillages(c),
    })),
    inactiveUnits: agencies(),
    analysts: [],
    awards: awards(),
    // The plan's weights, as the default configuration's.
    weights: { ...DEFAULT_CONFIG.weights },
    shortlistRules: {
      unitAward: 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố',
      communeAward: 'Giấy khen của Chủ tịch Ủy ban nhân dân xã, phường, đặc khu',
    },
    // Decree 07/2021 through 2026 (the baseline 2025 and 2026), Decree 351/2025 from 2027 with
    // no middle-income line.
    povertyStandards: DEFAULT_POVERTY_STANDARDS,
    words: {
      issuingBody: 'Ủy ban nhân dân thành phố Hải Phòng',
      provinceNoun: 'thành phố',
      place: 'Hải Phòng',
      unitLevel: 'xã',
      rowLevel: 'thôn, tổ dân phố',
      provinceRow: 'Toàn thành phố',
      emulationDepartment: 'Sở Nội vụ (Ban Thi đua - Khen thưởng thành phố)',
      povertyDepartment: 'Sở Nội vụ',
    },
    report: {
      signerTitle: 'CHỦ TỊCH',
      signerName: '',
      recipients: [
        'Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)',
        'Thường trực Thành ủy',
        'Thường trực HĐND thành phố',
        'Chủ tịch, các Phó Chủ tịch UBND thành phố',
        'Sở Nội vụ',
      ],
      draftingUnit: 'KGVX',
    },
  };
}

function main(): void {
  const communes = parseHaiPhongCsv(readFileSync(path.resolve(repoRoot, SOURCE), 'utf8'));
  if (communes.length !== 114) throw new Error(`expected 114 units, got ${communes.length}`);
  const config = exampleConfig(communes);
  const checked = parseConfig(config);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('\n'));
  mkdirSync(path.resolve(repoRoot, 'examples'), { recursive: true });
  writeFileSync(path.resolve(repoRoot, EXAMPLE_FILE), JSON.stringify(config, null, 2) + '\n');
  const rows = config.units.reduce((n, u) => n + u.communes.length, 0);
  process.stdout.write(`${EXAMPLE_FILE}: ${config.units.length} units, ${rows} villages\n`);
}

if (require.main === module) main();
