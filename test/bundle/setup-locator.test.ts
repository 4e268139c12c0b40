// The locator of a unit tab (src/sheets/unitLocator.ts), on the grid setup writes and on copies
// changed as people change tabs. Positions of Huyện Gia Lộc (18 communes), worked out by hand
// from the layout: header rows 4-5 ("STT" in A4), communes on rows 6-23, spacer 24, total 25,
// criteria title 27 (years on row 28, B28:E28), nominations title 36. Grid indexes are 0-based:
// row 4 is index 3.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { UNIT_TEXT, unitLayout } from '../../src/sheets/layout';
import { SETUP_TEXT } from '../../src/sheets/setupText';
import { locateUnitTab, unitTabLayout } from '../../src/sheets/unitLocator';
import { readUnitGrid } from '../../src/sheets/unitReader';
import { unitGrid } from '../../src/sheets/unitTab';

const config = DEFAULT_CONFIG;
const GIA_LOC = config.units.find((u) => u.name === 'Huyện Gia Lộc')!;
const HEADER = 'Xã, phường, thị trấn';

/** The tab as setup writes it, as Sheets stores it (the leading apostrophe is not kept). */
function freshGrid(): unknown[][] {
  const { values } = unitGrid(config, GIA_LOC, SETUP_TEXT.unit);
  return values.map((row) =>
    row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)),
  );
}
const blankRow = (grid: unknown[][]) => new Array<unknown>(grid[0].length).fill('');
const read = (grid: unknown[][]) =>
  readUnitGrid(grid, {
    unit: GIA_LOC.name,
    sheet: GIA_LOC.tab,
    baselineYear: config.baselineYear,
    rowLevel: config.words.rowLevel,
    years: config.years,
    submissions: [],
    communes: GIA_LOC.communes,
  });

test('on a fresh tab every block is where the layout puts it', () => {
  const at = locateUnitTab(freshGrid(), config.baselineYear, HEADER);
  expect(at).toMatchObject({
    headerRow: 3,
    firstCommuneRow: 5,
    spacerRow: 23,
    totalRow: 24,
    lastCommuneRow: 23,
    criteriaTitleRow: 26,
    nominationsTitleRow: 35,
  });
  // Columns: B commune, C-D merger; the baseline block E-I, 2022 from J (households J, poor K).
  expect(at.header).toMatchObject({ communeColumn: 1, mergedIntoColumn: 2, mergedYearColumn: 3 });
  expect(at.header.blocks.get(2021)).toEqual({
    households: 4,
    poor: 5,
    nearPoor: 6,
    poorRate: 7,
    status: 8,
  });
  expect(at.header.blocks.get(2022)).toMatchObject({ households: 9, poor: 10, poorNew: 14 });
  const located = unitTabLayout(config, freshGrid());
  expect(located.ok && located.layout).toEqual(
    unitLayout(config.baselineYear, config.years, GIA_LOC.communes.length),
  );
});

test('rows inserted above the header and inside the table move every block down', () => {
  const grid = freshGrid();
  grid.splice(1, 0, blankRow(grid), blankRow(grid)); // 2 rows under the title
  grid.splice(12, 0, blankRow(grid)); // 1 row among the communes (was row 11)
  const located = unitTabLayout(config, grid);
  if (!located.ok) throw new Error(located.problem);
  expect(located.layout).toMatchObject({
    headerRow: 6,
    firstCommuneRow: 8,
    communeCount: 19,
    spacerRow: 27,
    totalRow: 28,
    criteriaTitleRow: 30,
    firstCriteriaRow: 32,
    nominationsTitleRow: 39,
    firstNominationRow: 41,
  });
});

test('"Tổng cộng" typed in column A of a commune row does not end the table: the total row is below the spacer', () => {
  const grid = freshGrid();
  grid[11][0] = UNIT_TEXT.total; // A12, a commune row
  grid[17][10] = 25; // K18: poor households of 2022 in the 13th commune
  const at = locateUnitTab(grid, config.baselineYear, HEADER);
  expect(at.totalRow).toBe(24);
  expect(at.lastCommuneRow).toBe(23);
  const input = read(grid);
  expect(input.layoutProblems).toEqual([]);
  expect(input.rows).toHaveLength(1);
  expect(input.rows[0]).toMatchObject({ commune: GIA_LOC.communes[12], year: 2022, poor: 25 });
  expect(input.rows[0].cells.poor).toBe('K18');
  expect(unitTabLayout(config, grid).ok).toBe(true);
});

test('without the total label the table ends above the criteria block, and repair refuses the tab', () => {
  const grid = freshGrid();
  grid[24][0] = '';
  const at = locateUnitTab(grid, config.baselineYear, HEADER);
  expect(at.totalRow).toBe(-1);
  expect(at.lastCommuneRow).toBe(25); // row 26, the blank row above the criteria title (row 27)
  expect(unitTabLayout(config, grid)).toEqual({
    ok: false,
    empty: false,
    problem: `không tìm thấy dòng "${UNIT_TEXT.total}" ở cột A`,
  });
});

test('without "STT" nothing is read from the table, but the nominations block is still found', () => {
  const grid = freshGrid();
  grid[3][0] = '';
  const at = locateUnitTab(grid, config.baselineYear, HEADER);
  expect(at.headerRow).toBe(-1);
  expect(at.header.blocks.size).toBe(0);
  expect(at.nominationsTitleRow).toBe(35);
  expect(unitTabLayout(config, grid)).toMatchObject({
    ok: false,
    problem: `không tìm thấy dòng tiêu đề (ô "${UNIT_TEXT.numberHeader}" ở cột A)`,
  });
});

test('repair looks for the header in the first 20 rows only; the reader anywhere', () => {
  const grid = freshGrid();
  grid.splice(1, 0, ...Array.from({ length: 17 }, () => blankRow(grid))); // "STT" on row 21
  expect(locateUnitTab(grid, config.baselineYear, HEADER).headerRow).toBe(20);
  expect(unitTabLayout(config, grid).ok).toBe(false);
  grid.splice(1, 1); // "STT" on row 20
  expect(unitTabLayout(config, grid).ok).toBe(true);
});

test('repair names the first header cell that is not what setup writes', () => {
  const grid = freshGrid();
  grid[4][10] = 'Hộ nghèo (sửa)'; // K5
  expect(unitTabLayout(config, grid)).toMatchObject({
    ok: false,
    problem: 'ô K5 phải là "Hộ nghèo" (các cột đã bị thay đổi)',
  });
  grid[3][9] = 'Năm 2019'; // J4, the 2022 block's title
  expect(unitTabLayout(config, grid)).toMatchObject({
    problem:
      'ô J4 phải là "Năm 2022" (các cột đã bị thay đổi hoặc các năm trên trang "Cấu hình" đã đổi)',
  });
});

test('an empty tab is reported as empty (setup builds it again)', () => {
  const grid = freshGrid().map((row) => row.map(() => ''));
  expect(unitTabLayout(config, grid)).toEqual({ ok: false, empty: true, problem: 'trang trống' });
});

describe('a tab whose rows are villages ("thôn, tổ dân phố" on Cấu hình)', () => {
  const village = { ...config, words: { ...config.words, rowLevel: 'thôn, tổ dân phố' } };
  const villageGrid = (): unknown[][] =>
    unitGrid(village, GIA_LOC, SETUP_TEXT.unit).values.map((row) =>
      row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)),
    );

  test('the rows\' column is found by its header "Thôn, tổ dân phố" after a column inserted before it', () => {
    const grid = villageGrid();
    expect(grid[3][1]).toBe('Thôn, tổ dân phố'); // B4
    grid.forEach((row) => row.splice(1, 0, '')); // a column inserted at B: the header is now C4
    const at = locateUnitTab(grid, config.baselineYear, 'Thôn, tổ dân phố');
    expect(at.header.communeColumn).toBe(2);
    expect(at.header.mergedIntoColumn).toBe(3); // "Sáp nhập vào thôn", D4
  });

  test('repair names the village spacer row when it is gone', () => {
    const grid = villageGrid();
    expect(grid[23][0]).toBe('↑ Chèn thêm thôn phía trên dòng này'); // A24
    grid[23][0] = '';
    expect(unitTabLayout(village, grid)).toMatchObject({
      ok: false,
      problem: 'không tìm thấy dòng "↑ Chèn thêm thôn phía trên dòng này" ở cột A',
    });
  });

  test('the reader names the rows "thôn": a village missing from the table, a merger without its successor', () => {
    const grid = villageGrid();
    grid[5][3] = 2023; // D6: last year of Thị trấn Gia Lộc, C6 (merged into) left blank
    const input = readUnitGrid(grid, {
      unit: GIA_LOC.name,
      sheet: GIA_LOC.tab,
      baselineYear: config.baselineYear,
      rowLevel: 'thôn, tổ dân phố',
      years: config.years,
      submissions: [],
      communes: [...GIA_LOC.communes, 'Thôn Mới'],
    });
    expect(input.layoutProblems.map((p) => [p.cell, p.message])).toEqual([
      [
        'C6',
        `Trang "${GIA_LOC.tab}", ô C6: thôn "Thị trấn Gia Lộc" có năm báo cáo cuối 2023 nhưng chưa ghi sáp nhập vào thôn nào. Hãy ghi tên thôn nhận sáp nhập hoặc xóa năm báo cáo cuối.`,
      ],
      [
        'B24',
        `Trang "${GIA_LOC.tab}", ô B24: không có dòng của Thôn Mới trong bảng số liệu (dòng bị xóa, hoặc thôn mới thêm trên trang "Cấu hình"). Hãy chạy "Khởi tạo / cập nhật sổ" để thêm lại dòng của thôn; số liệu đã nhập không bị xóa.`,
      ],
    ]);
  });
});
