// ĐƠN VỊ's "Loại" and "Tham gia" cells: a value the reader does not know is refused with the
// words the cell takes (the labels Cấu hình shows), never the codes of the JSON.
import { DEFAULT_CONFIG } from '../../src/core';
import { configGrid } from '../../src/sheets/configGrid';
import { readConfigValues } from '../../src/sheets/configReader';

function defaultValues(): unknown[][] {
  const grid = configGrid(DEFAULT_CONFIG);
  const values: unknown[][] = grid.values.map((row) =>
    row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)),
  );
  for (const { row, column } of grid.dates) {
    const [y, m, d] = String(values[row - 1][column - 1])
      .split('-')
      .map(Number);
    values[row - 1][column - 1] = new Date(y, m - 1, d);
  }
  return values;
}

test('an unknown kind or taking-part value names the cell and the Vietnamese choices', () => {
  const values = defaultValues();
  const start = values.findIndex((r) => r[0] === 'ĐƠN VỊ');
  // The title, the header, then the first unit on the third row of the table (1-based start + 3).
  const first = start + 2;
  values[first] = [...values[first].slice(0, 3), 'Huyện lỵ', 'Chưa rõ'];
  const read = readConfigValues(values as never);
  const messages = read.ok ? [] : read.problems.map((p) => p.message);
  const row = first + 1;
  expect(messages).toContain(
    `Trang "Cấu hình", ô D${row}, mục "Loại đơn vị": phải là một trong: "Địa bàn", "Cơ quan, tổ chức". Hãy sửa lại trên trang "Cấu hình".`,
  );
  expect(messages).toContain(
    `Trang "Cấu hình", ô E${row}, mục "Tham gia": phải là "Có" hoặc "Không". Hãy sửa lại trên trang "Cấu hình".`,
  );
  expect(messages.join('\n')).not.toMatch(/"area"|"agency"|true hoặc false/);
});
