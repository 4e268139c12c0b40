import { Emulator } from '../../tools/emulator';

const CREATOR = 'tao@haiduong.gov.vn';
const EDITOR = 'huyen@haiduong.gov.vn';
const NOW = new Date('2025-11-20T02:00:00Z');
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
}

describe('a spreadsheet in a shared drive', () => {
  function drive(sharedDrive: boolean) {
    const emu = new Emulator({ now: NOW, owner: CREATOR, user: CREATOR, sharedDrive });
    emu.shareWith(EDITOR);
    return { emu, ss: emu.spreadsheet, sheet: emu.spreadsheet.getSheets()[0] };
  }

  test('getOwner() is null; the creator is listed among the editors', () => {
    const { ss } = drive(true);
    expect(ss.getOwner()).toBeNull();
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([CREATOR, EDITOR]);
    expect(drive(false).ss.getOwner()?.getEmail()).toBe(CREATOR);
  });

  test('nobody passes a protection for being the owner: the creator removed from its editors is refused', () => {
    for (const sharedDrive of [false, true]) {
      const { emu, sheet } = drive(sharedDrive);
      const p = sheet.getRange('A1:B2').protect();
      p.removeEditors([CREATOR, EDITOR]);
      // The current user cannot be removed (reference): the creator stays an editor…
      expect(p.canEdit()).toBe(true);
      // … until another editor of the protection takes them off.
      p.addEditor(EDITOR);
      emu.setUser(EDITOR);
      p.removeEditor(CREATOR);
      emu.setUser(CREATOR);
      const write = () => sheet.getRange('A1').setValue(1);
      if (sharedDrive) {
        expect(p.canEdit()).toBe(false);
        expect(thrown(write).message).toBe(PROTECTED);
      } else {
        expect(p.canEdit()).toBe(true); // the owner can always edit
        expect(write).not.toThrow();
      }
    }
  });

  test('a new protection lists its creator in a shared drive (no owner to leave out)', () => {
    const { sheet } = drive(true);
    const p = sheet.getRange('A1').protect();
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([EDITOR, CREATOR].sort());
    expect(drive(false).sheet.getRange('A1').protect().getEditors()).toHaveLength(1);
  });
});

describe('named ranges', () => {
  function book() {
    const emu = new Emulator({ now: NOW });
    const ss = emu.spreadsheet;
    const sheet = ss.getSheets()[0];
    return { ss, sheet };
  }

  test('a whole-column named range (A:C) stays open-ended when rows are appended at the bottom', () => {
    const { ss, sheet } = book();
    ss.setNamedRange('DANH_SACH', sheet.getRange('A:C'));
    const before = ss.getRangeByName('DANH_SACH');
    expect([before?.getA1Notation(), before?.getNumRows()]).toEqual(['A:C', 1000]);
    sheet.insertRowsAfter(1000, 20);
    sheet.appendRow(['x']); // row 1 is the last with content: no new grid row
    sheet.getRange(1020, 1).setValue('cuối');
    const after = ss.getRangeByName('DANH_SACH');
    expect([after?.getA1Notation(), after?.getNumRows()]).toEqual(['A:C', 1020]);
    expect(after?.getValues()[1019][0]).toBe('cuối');
    sheet.getRange('E1').setFormula('=COUNTA(DANH_SACH)');
    expect(sheet.getRange('E1').getValue()).toBe(2);
    sheet.deleteRows(1001, 10);
    expect(ss.getRangeByName('DANH_SACH')?.getNumRows()).toBe(1010);
  });

  test('a bounded named range does not grow with rows appended after it', () => {
    const { ss, sheet } = book();
    ss.setNamedRange('KHOI', sheet.getRange('A1:C1000'));
    sheet.insertRowsAfter(1000, 5);
    expect(ss.getRangeByName('KHOI')?.getA1Notation()).toBe('A1:C1000');
  });

  test('setNamedRange with an existing name (any case) moves that named range', () => {
    const { ss, sheet } = book();
    ss.setNamedRange('TONG_HOP', sheet.getRange('A1:B2'));
    ss.setNamedRange('tong_hop', sheet.getRange('D4:E5'));
    expect(ss.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([
      ['TONG_HOP', 'D4:E5'],
    ]);
  });
});
