import { readFileSync } from 'node:fs';
import { Emulator, MESSAGES, loadScript, localize, type Language } from '../../tools/emulator';

const NOW = new Date('2025-11-20T02:00:00Z');
const OWNER = 'chu@example.com';
const DISTRICT = 'huyen@example.com';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

/** The same failing calls, made by a user whose account is in `language`. */
function failures(language: Language): Record<string, Error> {
  const emu = new Emulator({ now: NOW, owner: OWNER, user: DISTRICT, language });
  emu.shareWith(DISTRICT);
  const ss = emu.spreadsheet;
  const sheet = ss.getSheets()[0];
  emu.asOwner(() => sheet.getRange('A1:B2').protect().removeEditors([DISTRICT]));
  const g = emu.globals();
  const release = emu.locks.holdDocumentLock();
  const lock = g.LockService.getDocumentLock();
  const out = {
    protectedCell: thrown(() => sheet.getRange('A1').setValue(1)),
    rowsMismatch: thrown(() => sheet.getRange('C1:C3').setValues([[1]])),
    colsMismatch: thrown(() => sheet.getRange('C1:D1').setValues([[1, 2, 3]])),
    outsideSheet: thrown(() => sheet.getRange(1001, 1)),
    startRowTooSmall: thrown(() => sheet.getRange(0, 1)),
    sheetExists: thrown(() => ss.insertSheet(sheet.getName())),
    deleteAllRows: thrown(() => sheet.deleteRows(1, 1000)),
    signature: thrown(() => sheet.getRange('C1').setFormula(5 as unknown as string)),
    lockTimeout: thrown(() => lock?.waitLock(1000)),
    uiUnavailable: thrown(() => {
      emu.setUiAvailable(false);
      return (g.SpreadsheetApp as { getUi(): unknown }).getUi();
    }),
    invalidEmail: thrown(() => g.MailApp.sendEmail('không phải email', 'Chủ đề', 'Nội dung')),
  };
  release();
  return out;
}

describe('service errors follow the language of the user running the script', () => {
  const en = failures('en');
  const vi = failures('vi');

  test('English (the default)', () => {
    expect(Object.fromEntries(Object.entries(en).map(([k, e]) => [k, e.message]))).toEqual({
      protectedCell:
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      rowsMismatch:
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
      colsMismatch:
        'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
      outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
      startRowTooSmall: 'The starting row of the range is too small.',
      sheetExists: 'A sheet with the name "Trang tính1" already exists. Please enter another name.',
      deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
      signature:
        "The parameters (number) don't match the method signature for SpreadsheetApp.Range.setFormula.",
      lockTimeout: 'Lock timeout: another process was holding the lock for too long.',
      uiUnavailable: 'Cannot call SpreadsheetApp.getUi() from this context.',
      invalidEmail: 'Invalid email: không phải email',
    });
  });

  test('Vietnamese', () => {
    expect(Object.fromEntries(Object.entries(vi).map(([k, e]) => [k, e.message]))).toEqual({
      protectedCell:
        'Bạn đang cố chỉnh sửa một ô hoặc đối tượng được bảo vệ. Vui lòng liên hệ với chủ sở hữu bảng tính để gỡ bỏ chế độ bảo vệ nếu bạn cần chỉnh sửa.',
      rowsMismatch:
        'Số hàng trong dữ liệu không khớp với số hàng trong dải ô. Dữ liệu có 1 hàng nhưng dải ô có 3 hàng.',
      colsMismatch:
        'Số cột trong dữ liệu không khớp với số cột trong dải ô. Dữ liệu có 3 cột nhưng dải ô có 2 cột.',
      outsideSheet: 'Tọa độ của dải ô nằm ngoài kích thước của trang tính.',
      startRowTooSmall: 'Hàng bắt đầu của dải ô quá nhỏ.',
      sheetExists: 'Đã có một trang tính tên là "Trang tính1". Vui lòng nhập tên khác.',
      deleteAllRows: 'Rất tiếc, không thể xóa tất cả các hàng không cố định.',
      signature:
        'Các tham số (number) không khớp với chữ ký của phương thức SpreadsheetApp.Range.setFormula.',
      lockTimeout: 'Hết thời gian chờ khóa: một quy trình khác đã giữ khóa quá lâu.',
      uiUnavailable: 'Không thể gọi SpreadsheetApp.getUi() từ ngữ cảnh này.',
      invalidEmail: 'Email không hợp lệ: không phải email',
    });
  });

  test('both are Apps Script exceptions', () => {
    for (const e of [...Object.values(en), ...Object.values(vi)]) {
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe('Exception');
    }
  });
});

describe('languages per account', () => {
  test('the language is that of the user running the call; setLanguage changes it', () => {
    const emu = new Emulator({ now: NOW, owner: OWNER, userLanguages: { [DISTRICT]: 'vi' } });
    const sheet = emu.spreadsheet.getSheets()[0];
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe(
      'The starting row of the range is too small.',
    );
    emu.setUser(DISTRICT);
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe('Hàng bắt đầu của dải ô quá nhỏ.');
    emu.setLanguage('en', DISTRICT);
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe(
      'The starting row of the range is too small.',
    );
    emu.setLanguage('vi');
    emu.setUser(OWNER);
    expect(thrown(() => sheet.getRange(0, 1)).message).toBe('Hàng bắt đầu của dải ô quá nhỏ.');
  });

  test('two emulators side by side each throw in their own user language', () => {
    const vi = new Emulator({ now: NOW, language: 'vi' }).spreadsheet.getSheets()[0];
    const en = new Emulator({ now: NOW }).spreadsheet.getSheets()[0];
    expect(thrown(() => vi.getRange('A1:A2').setValues([[1]])).message).toMatch(/^Số hàng/);
    expect(thrown(() => en.getRange('A1:A2').setValues([[1]])).message).toMatch(/^The number/);
    expect(thrown(() => vi.getRange(1, 0)).message).toBe('Cột bắt đầu của dải ô quá nhỏ.');
  });

  test('inside the bundle: the script catches the Vietnamese text; code matching English no longer works', () => {
    const emu = new Emulator({ now: NOW, language: 'vi' });
    const bundle = loadScript(
      emu,
      `function write() {
        try {
          SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:A2').setValues([[1]]);
        } catch (e) {
          return [e.name, e.message, /number of rows/.test(e.message)];
        }
      }`,
    );
    expect(bundle.call('write')).toEqual([
      'Exception',
      'Số hàng trong dữ liệu không khớp với số hàng trong dải ô. Dữ liệu có 1 hàng nhưng dải ô có 2 hàng.',
      false,
    ]);
    expect(() => bundle.call('missing')).toThrow('Không tìm thấy hàm tập lệnh: missing');
  });
});

describe('the catalogue', () => {
  test('every message has a Vietnamese text of its own with the same placeholders', () => {
    for (const [id, t] of Object.entries(MESSAGES)) {
      const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();
      expect({ id, holes: holes(t.vi) }).toEqual({ id, holes: holes(t.en) });
      expect({ id, differs: t.vi !== t.en }).toEqual({ id, differs: true });
    }
  });

  test('localize recognises an English message and its arguments; unknown text is unchanged', () => {
    expect(
      localize(
        'A sheet with the name "Xã, phường" already exists. Please enter another name.',
        'vi',
      ),
    ).toBe('Đã có một trang tính tên là "Xã, phường". Vui lòng nhập tên khác.');
    expect(localize('Something else', 'vi')).toBe('Something else');
    expect(localize('Invalid email: x', 'en')).toBe('Invalid email: x');
  });
});

test('docs/EMULATOR.md lists every message in English and Vietnamese', () => {
  // Table cells are padded by prettier: compare with runs of spaces folded.
  const doc = readFileSync('docs/EMULATOR.md', 'utf8').replace(/ {2,}/g, ' ');
  const missing = Object.entries(MESSAGES)
    .filter(([id, t]) => !doc.includes(`| ${id} | ${t.en} |`) || !doc.includes(` | ${t.vi} |`))
    .map(([id]) => id);
  expect(missing).toEqual([]);
});
