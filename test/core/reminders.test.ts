// The pure part of the reminders (issue 17): which days are reminder days, who is due, the
// order when the mail quota is short, and the 20-problem limit of a unit's e-mail.
import { DEFAULT_CONFIG, type Config } from '../../src/core/config';
import {
  NO_ADDRESS,
  NO_QUOTA,
  planReminders,
  reminderDay,
  type UnitStanding,
} from '../../src/core/reminders';
import { isEmail, uniqueAddresses, validAddress } from '../../src/core/email';

const config: Config = {
  ...DEFAULT_CONFIG,
  analysts: ['a@tinh.gov.vn', 'b@tinh.gov.vn'],
};

/** 07:00 in Hà Nội (UTC+7) on the given local date. */
const at7 = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 0)).toISOString();

describe('reminderDay: the local date decides, deadline "trước 30/11"', () => {
  test.each([
    [2025, 11, 16, 14],
    [2025, 11, 23, 7],
    [2025, 11, 27, 3],
    [2025, 11, 29, 1],
    [2025, 12, 1, -1],
  ])('%i-%i-%i is a reminder day, %i days left', (y, m, d, left) => {
    expect(reminderDay(config, at7(y, m, d))).toEqual({
      year: 2025,
      date: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      daysLeft: left,
    });
  });

  test('other days, the deadline day itself, and years outside the period are not', () => {
    for (const d of [15, 17, 22, 24, 28, 30])
      expect(reminderDay(config, at7(2025, 11, d))).toBe(null);
    expect(reminderDay(config, at7(2026, 11, 16))).toBe(null);
    expect(reminderDay({ ...config, reminderDays: [] }, at7(2025, 11, 16))).toBe(null);
  });

  test('23:30 on 15/11 in Hà Nội is still 15/11 (16:30 UTC), 00:30 on 16/11 is 16/11', () => {
    expect(reminderDay(config, '2025-11-15T16:30:00Z')).toBe(null);
    expect(reminderDay(config, '2025-11-15T17:30:00Z')?.daysLeft).toBe(14);
  });
});

const unit = (
  name: string,
  editors: string[],
  problems: number,
  submitted = false,
): UnitStanding => ({
  name,
  tab: name,
  editors,
  submitted,
  problems: Array.from({ length: problems }, (_, i) => `Lỗi số ${i + 1}.`),
});

const base = {
  config,
  day: { year: 2025, date: '2025-11-16', daysLeft: 14 },
  alreadyReminded: [] as string[],
  digestSent: false,
  analysts: config.analysts,
  url: 'https://docs.google.com/spreadsheets/d/x/edit',
};

describe('planReminders', () => {
  const units = [
    unit('A', ['a1@x.vn'], 0),
    unit('B', ['b1@x.vn', 'b2@x.vn'], 3),
    unit('C', ['c1@x.vn'], 3),
    unit('D', ['không phải e-mail'], 9),
    unit('E', ['e1@x.vn'], 1, true),
  ];

  test('enough quota: every unit not submitted with an address, in Cấu hình order; submitted units get nothing', () => {
    const plan = planReminders({ ...base, units, quota: 100 });
    expect(plan.mails.map((m) => [m.unit, m.to])).toEqual([
      ['A', ['a1@x.vn']],
      ['B', ['b1@x.vn', 'b2@x.vn']],
      ['C', ['c1@x.vn']],
    ]);
    expect(plan.skipped).toEqual([{ unit: 'D', reason: NO_ADDRESS }]);
    expect(plan.digest?.to).toEqual(['a@tinh.gov.vn', 'b@tinh.gov.vn']);
  });

  test('quota 5: the digest (2), then most problems first, Cấu hình order among equals: B (2) and C (1); A is left out', () => {
    const plan = planReminders({ ...base, units, quota: 5 });
    expect(plan.mails.map((m) => m.unit)).toEqual(['B', 'C']);
    expect(plan.skipped).toEqual([
      { unit: 'A', reason: NO_QUOTA },
      { unit: 'D', reason: NO_ADDRESS },
    ]);
    expect(plan.digest?.body).toContain(
      'Chưa được nhắc (2):\n• A: ' + NO_QUOTA + '.\n• D: ' + NO_ADDRESS + '.',
    );
  });

  test('quota 3: B needs 2 after the digest and does not fit, C (1) does; quota 1: no digest, C alone', () => {
    expect(planReminders({ ...base, units, quota: 3 }).mails.map((m) => m.unit)).toEqual(['C']);
    const tight = planReminders({ ...base, units, quota: 1 });
    expect(tight.digest).toBe(null);
    expect(tight.mails.map((m) => m.unit)).toEqual(['C']);
  });

  test('already reminded today: nothing again, and no second digest', () => {
    const plan = planReminders({
      ...base,
      units,
      quota: 100,
      alreadyReminded: ['A', 'B', 'C'],
      digestSent: true,
    });
    expect(plan.mails).toEqual([]);
    expect(plan.digest).toBe(null);
  });

  test('at most 20 problems in a unit e-mail, then a count', () => {
    const plan = planReminders({ ...base, units: [unit('F', ['f@x.vn'], 23)], quota: 100 });
    const body = plan.mails[0].body;
    expect(body).toContain('Trang của đơn vị còn 23 lỗi cần sửa trước khi nộp:\n• Lỗi số 1.');
    expect(body).toContain('• Lỗi số 20.\n… và 3 lỗi khác (mở bảng nhập liệu để xem hết).');
    expect(body).not.toContain('Lỗi số 21.');
  });

  test('addresses: well-formed only, trimmed; Name <x@y> and lists are not addresses here', () => {
    expect(validAddress(' a@b.vn ')).toBe('a@b.vn');
    expect(validAddress('A <a@b.vn>')).toBe('');
    expect(validAddress('a@b.vn, c@d.vn')).toBe('');
    expect(validAddress('a@b')).toBe('');
    expect(isEmail(' a@b.vn ')).toBe(true);
    expect(isEmail('a@b.vn;')).toBe(false);
    expect(uniqueAddresses([' a@b.vn', 'x', 'c@d.vn', 'a@b.vn ', ''])).toEqual([
      'a@b.vn',
      'c@d.vn',
    ]);
  });
});
