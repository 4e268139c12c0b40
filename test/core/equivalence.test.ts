// The consolidation's output, byte for byte, on the national data set and seven damaged copies
// of generated data (bad counts, unknown and misspelt communes, invisible characters, wrong
// years, duplicated and deleted rows, mergers, nominations, criteria, submissions, a tab of an
// unknown unit). The hashes were taken from the code before the fast paths of validation,
// figures and the shortlist (commit f42f61e, src/core as it was then), so these tests show the
// faster code decides and says exactly what the old one did. To take them again from some
// commit: check out its src/core, run this file with UPDATE_GOLDEN=1 and copy the printed table.
import { createHash } from 'node:crypto';
import { consolidate } from '../../src/core/consolidate';
import type { RawCommuneYear, UnitInput } from '../../src/core/types';
import { nationalConfig, syntheticRecords, unitInputs } from '../../tools/bench/national';
import { rng } from '../../tools/demo/sampleData';

function damaged(
  seed: number,
  units: number,
  communes: number,
): { config: ReturnType<typeof nationalConfig>; inputs: UnitInput[] } {
  const config = nationalConfig(units, communes);
  const inputs = unitInputs(config, syntheticRecords(config));
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const bad: unknown[] = [
    '12 hộ',
    -3,
    '',
    '  ',
    1.5,
    '1.234',
    '#REF!',
    true,
    new Date(Date.UTC(2025, 10, 15)),
    45976,
    999999,
    '45',
    null,
    1e12,
    NaN,
    ' 17 ',
  ];
  const fields = [
    'households',
    'poor',
    'nearPoor',
    'poorExited',
    'poorReturned',
    'poorNew',
    'commune',
    'year',
    'mergedInto',
  ] as const;
  for (const u of inputs) {
    const n = Math.floor(r() * 12);
    for (let k = 0; k < n; k++) {
      const row = pick(u.rows);
      const f = pick([...fields]);
      const kind = r();
      if (f === 'commune')
        row.commune = pick([
          'Xã Lạ',
          '',
          ' ' + row.commune + ' ',
          String(row.commune).toLowerCase(),
          'X\u00e3 ' + String(row.commune).slice(3),
          String(row.commune) + '\u200b',
        ]);
      else if (f === 'year') row.year = pick([2019, '2023', 'năm', '', 2024.5, 2022]);
      else if (f === 'mergedInto')
        row.mergedInto = pick([pick(u.rows).commune, 'Xã Không Có', row.commune]);
      else
        // "+ 1" adds to a number and appends to a text, as the first version of this file did.
        row[f] = kind < 0.3 ? pick(bad) : kind < 0.5 ? (row[f] as number) + 1 : pick(bad);
    }
    if (r() < 0.3) u.rows.push({ ...pick(u.rows) } as RawCommuneYear);
    if (r() < 0.2) u.rows.splice(Math.floor(r() * u.rows.length), 1);
    // A proper merger: commune A merged into B in 2023 (A has no rows after 2023).
    if (r() < 0.3) {
      const a = u.rows[0].commune,
        b = u.rows[10]?.commune;
      u.rows = u.rows.filter((x) => !(x.commune === a && (x.year as number) > 2023));
      for (const x of u.rows) if (x.commune === a && x.year === 2023) x.mergedInto = b;
    }
    if (r() < 0.3)
      u.nominations.push({
        unit: u.unit,
        sheet: u.sheet,
        id: `N-${u.unit}`,
        type: 'Tập thể',
        name: u.unit,
        commune: '',
        achievement: 'Thành tích',
        award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
        year: 2025,
        cells: {
          id: 'A1',
          type: 'B1',
          name: 'C1',
          commune: 'D1',
          achievement: 'E1',
          award: 'F1',
          year: 'G1',
        },
      });
    if (r() < 0.3)
      u.nominations.push({
        unit: u.unit,
        sheet: u.sheet,
        id: `N2-${u.unit}`,
        type: 'Tập thể',
        name: `UBND ${u.rows[5].commune}`,
        commune: u.rows[5].commune,
        achievement: 'Giảm nghèo',
        award: pick([
          'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
          'Bằng khen của Thủ tướng Chính phủ',
          'Giải lạ',
        ]),
        year: pick([2025, '', 2024]),
        cells: {
          id: 'A2',
          type: 'B2',
          name: 'C2',
          commune: 'D2',
          achievement: 'E2',
          award: 'F2',
          year: 'G2',
        },
      });
    if (r() < 0.3)
      u.criteria.push({
        unit: u.unit,
        sheet: u.sheet,
        year: 2025,
        planIssued: 'Có',
        budgetAllocated: pick(['Có', 'Không', 'x', 'abc']),
        budgetSettled: 'Có',
        reportsOnTime: 'Có',
        resourcesMobilised: pick([1200, '', -1]),
        initiatives: pick([3, 0, 'ba']),
        cells: {
          planIssued: 'B1',
          budgetAllocated: 'B2',
          budgetSettled: 'B3',
          reportsOnTime: 'B4',
          resourcesMobilised: 'B5',
          initiatives: 'B6',
        },
      });
    if (r() < 0.4)
      u.submissions.push({
        unit: u.unit,
        year: 2025,
        submittedAt: pick(['2025-11-29T16:59:00Z', '2025-11-29T17:00:00Z']),
        email: 'a@b.vn',
        status: 'submitted',
      });
  }
  if (inputs.length > 3) {
    inputs.push({
      ...inputs[2],
      unit: 'Đơn vị lạ',
      sheet: 'Đơn vị lạ',
      rows: inputs[2].rows.slice(0, 5).map((x) => ({ ...x, unit: 'Đơn vị lạ' })),
    });
    inputs.push({ ...inputs[3], rows: inputs[3].rows.slice(0, 3).map((x) => ({ ...x, poor: 1 })) });
  }
  return { config, inputs };
}

const GOLDEN: Record<string, string> = {
  'national/2025': '5a2b5c40376f78be579691e10025fbb8a9e84e4d6f3003dbbb048b427226be49',
  'national/2023': 'c8b689c3c09051d4bea1dbff7e2a224397413be69d9b4a6ac6279ff62b392c90',
  'national/2021': '3f8ef0b58f596e62e78d442e2940a0dc98f0042f2b7b3c6f278ac01a213502e8',
  'damaged-1/2025': 'dd5f6d8ccbb967e59e832a22d5c821aa51046e9bfad017fab8a0f2a8b299c9bf',
  'damaged-1/2023': 'a5592f49ac557892f8cb01d66a02febae37dc74a3b131cf39ad0c7c05d25d63b',
  'damaged-1/2021': 'a280b3a5e766616362a30c8524f458958b4e8397a8360a3b381dad3cb1885c35',
  'damaged-2/2025': 'c85e46b646abf5a9eafc67ab4b8b88adae42723008e180b05a6b01030506b0e0',
  'damaged-2/2023': '1a71771abd2d72c72ec98c95d57976d03c5bd236c84529f205cc46f19e49028d',
  'damaged-2/2021': '2d737e57cfcad9900e70b7bccca2f0008005491feaccbf91c0ba922ba714362f',
  'damaged-3/2025': 'b96518d7beda8be46d3e320deca51fa9258f9930d7c6b7c1d60d30b3bc7c69b4',
  'damaged-3/2023': '9f49cac15878068b4d304069890776486deaee142516266419f9ff89b55c6868',
  'damaged-3/2021': 'da8ed53586a7eadf71b2d0f93bac2fd6c1fe82b4a9251d56f2d266e2b82c7db7',
  'damaged-4/2025': '244d945c83a1373052a73bbd3c7e43ef06c2e7f133f7cd14ae04eaca4ea06b9a',
  'damaged-4/2023': 'c6e24995a2a986b99e5a768a03b2109688a16cd2431e14998d74986f9818fea9',
  'damaged-4/2021': 'd535b01d9c2746bb09c290ac2d7ff8f468dadddafc3ee5b9a7c27c99673c722a',
  'damaged-5/2025': '337b3a95512f15c9f93f53813806f1f2c935437af0fba911f477891dce6c8b3f',
  'damaged-5/2023': '8ea174070c07340d042e85dc2d7df87debb75fc3469ff242ae140774f3808aa5',
  'damaged-5/2021': 'b1548b3ac1d279b8494f01ef00089b2bb5c684fa01fd5eb1f68d1ceff1073d18',
  'damaged-6/2025': '4353b721c78cae7c66496ee67f5e302281e01d93f8257ed65c82be4b0d2750ac',
  'damaged-6/2023': '937af948333bfee1d260f1703f9de396af8a4205f5eba729adc118a95c583c83',
  'damaged-6/2021': '77d018b6cdbdfc55875552e348d6ab5189d3849a4cf0c464ee97fc26f3781cc5',
  'damaged-big/2025': 'edf4eb2c164c929e4ec2de02246ef98fc0b157a14ba576e04a0e6e436100a47e',
  'damaged-big/2023': '7b579bd56617d96b9d97fa40fde94a791bcc4668ac6d5a997d15e35c4d92267a',
  'damaged-big/2021': 'd437c83d83bfdab36100009c90a94b71691f4f893f1fbad20172668cb8f75c29',
};

const CASES: [string, () => { config: ReturnType<typeof nationalConfig>; inputs: UnitInput[] }][] =
  [
    [
      'national',
      () => {
        const config = nationalConfig();
        return { config, inputs: unitInputs(config, syntheticRecords(config)) };
      },
    ],
    ...[1, 2, 3, 4, 5, 6].map((s): [string, () => ReturnType<typeof damaged>] => [
      `damaged-${s}`,
      () => damaged(s * 7919, 12, 40),
    ]),
    ['damaged-big', () => damaged(4242, 63, 170)],
  ];

/** The result as JSON, without the commune tables (positions for the figures, new with the fast paths). */
function fingerprint(result: unknown): string {
  const json = JSON.stringify(result, (k, v: unknown) => (k === 'table' ? undefined : v));
  return createHash('sha256').update(json).digest('hex');
}

describe.each(CASES)('consolidate() on %s', (name, make) => {
  const { config, inputs } = make();
  test.each([2025, 2023, 2021])('year %i: the same output as before the fast paths', (year) => {
    const hash = fingerprint(consolidate(config, inputs, year, '2025-12-01T01:00:00.000Z'));
    if (process.env.UPDATE_GOLDEN) console.log(`'${name}/${year}': '${hash}',`);
    expect(hash).toBe(GOLDEN[`${name}/${year}`]);
  });
});
