// sidebarAddNomination through the compiled bundle, protections on: the district user appends to
// the nominations block of their own tab (title on row 36, header 37, first row 38 for Huyện Gia
// Lộc, unit no. 9 on Cấu hình), user text is stored as text, wrong fields are named for the form.
import { ANALYST, protectWorkbook, quietly, type Workbook } from '../../tools/workbookDriver';
import {
  GIA_LOC,
  GL,
  YEAR,
  fromClient,
  fullSnapshot,
  refusal,
  sidebarWorkbook,
} from './sidebarApi.fixture';

let wb: Workbook;
const rows = (a1: string) =>
  quietly(wb, () =>
    wb.emu.asOwner(() => {
      const range = wb.emu.spreadsheet.getSheetByName(GIA_LOC)!.getRange(a1);
      return { values: range.getValues(), formulas: range.getFormulas() };
    }),
  );
const nomination = (over: Record<string, unknown> = {}) => ({
  unit: GIA_LOC,
  year: YEAR,
  type: 'Cá nhân',
  name: 'Nguyễn Văn A',
  commune: 'Xã Yết Kiêu',
  achievement: 'Giúp 5 hộ thoát nghèo',
  award: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
  ...over,
});

beforeAll(() => {
  wb = sidebarWorkbook({ protect: true });
});

test('two nominations go to rows 38 and 39 with ids ĐC-2025-09-001 and -002', () => {
  expect(fromClient(wb, GL, 'sidebarAddNomination', nomination())).toEqual({
    ok: true,
    value: { id: 'ĐC-2025-09-001', row: 38 },
  });
  const formulaLike = nomination({
    type: 'Tập thể',
    name: '=IMPORTRANGE("x")',
    commune: '',
    achievement: '+84 hộ',
  });
  expect(fromClient(wb, GL, 'sidebarAddNomination', formulaLike)).toEqual({
    ok: true,
    value: { id: 'ĐC-2025-09-002', row: 39 },
  });
  const { values, formulas } = rows('A38:G39');
  expect(values).toEqual([
    [
      'ĐC-2025-09-001',
      2025,
      'Cá nhân',
      'Nguyễn Văn A',
      'Xã Yết Kiêu',
      'Giúp 5 hộ thoát nghèo',
      'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
    ],
    [
      'ĐC-2025-09-002',
      2025,
      'Tập thể',
      '=IMPORTRANGE("x")',
      '',
      '+84 hộ',
      'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
    ],
  ]);
  expect(formulas.flat().every((f) => f === '')).toBe(true); // text, never a formula
});

test('wrong fields are named for the form, and nothing is written', () => {
  const before = fullSnapshot(wb);
  const r = fromClient(
    wb,
    GL,
    'sidebarAddNomination',
    nomination({
      type: 'Ca nhan',
      name: '  ',
      achievement: '',
      award: 'Cúp vàng',
      commune: 'Xã Nam Sách',
    }),
  );
  expect(refusal(r)).toBe('Đề cử chưa hợp lệ, hãy sửa các mục được đánh dấu.');
  expect(r.ok ? [] : r.problems?.map((p) => p.cell)).toEqual([
    'type',
    'name',
    'achievement',
    'award',
    'commune',
  ]);
  expect(fullSnapshot(wb)).toEqual(before);
});

test('while another execution holds the document lock the nomination is refused, and nothing is written', () => {
  const before = fullSnapshot(wb);
  const release = wb.emu.locks.holdDocumentLock();
  try {
    expect(refusal(fromClient(wb, GL, 'sidebarAddNomination', nomination()))).toBe(
      'Sổ đang bận (có người đang ghi). Chưa có gì bị thay đổi; hãy thử lại sau ít giây.',
    );
  } finally {
    release();
  }
  expect(fullSnapshot(wb)).toEqual(before);
});

test('district staff fill the blank rows down to the last (67); then they are told to ask for more, and after setup and protection they go on', () => {
  // Rows 38-39 are taken; the tab has 67 rows (setup's 20 blank nomination rows, 38-57, and 10
  // more). District staff may not add rows to their protected tab (docs/DECISIONS.md 56).
  const add = (i: number) =>
    fromClient<{ id: string; row: number }>(
      wb,
      GL,
      'sidebarAddNomination',
      nomination({ name: `Hộ số ${i}` }),
    );
  let last = 0;
  for (let i = 3; i <= 30; i++) {
    const r = add(i);
    if (!r.ok) throw new Error(r.message);
    last = r.value.row;
  }
  expect(last).toBe(67);
  const before = fullSnapshot(wb);
  expect(refusal(add(31))).toBe(
    `Trang "${GIA_LOC}" không còn dòng trống cho đề cử mới; đề cử chưa được thêm. Hãy nhờ cán bộ tổng hợp chạy "Khởi tạo / cập nhật sổ" rồi "Phân quyền các trang tính".`,
  );
  expect(fullSnapshot(wb)).toEqual(before);
  // Setup keeps 20 blank rows below the last filled one (rows 68-87); protection opens them.
  wb.bundle.callAs(ANALYST, 'menuSetup');
  expect(
    quietly(wb, () =>
      wb.emu.asOwner(() => wb.emu.spreadsheet.getSheetByName(GIA_LOC)!.getMaxRows()),
    ),
  ).toBe(87);
  protectWorkbook(wb, ANALYST);
  expect(add(31)).toEqual({ ok: true, value: { id: 'ĐC-2025-09-031', row: 68 } });
  expect(rows('A68:D68').values).toEqual([['ĐC-2025-09-031', 2025, 'Cá nhân', 'Hộ số 31']]);
});
