// The sidebar as a provincial analyst sees it (completeness, approve, return, consolidate),
// and as an unknown caller (read-only), in headless Chromium.
import type { SubmissionView } from '../../src/shared/sidebarContract';
import { ANALYST_EMAIL, analystState, completeness, unknownState } from './fixtures';
import {
  type Browser,
  describeBrowser,
  fail,
  launchBrowser,
  ok,
  openSidebar,
  refuse,
  type Sidebar,
} from './harness';

describeBrowser('sidebar: analyst and unknown caller', () => {
  let browser: Browser;
  let sb: Sidebar;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    expect(sb.dialogs).toEqual([]);
    expect(sb.errors).toEqual([]);
    expect((await sb.calls()).filter((c) => c.illegal)).toEqual([]);
    await sb.page.close();
  });

  const button = (name: string | RegExp) =>
    sb.page.getByRole('button', { name, exact: typeof name === 'string' });
  const row = (unit: string) =>
    sb.page.locator('table.completeness tbody tr', {
      has: sb.page.getByRole('rowheader', { name: unit, exact: true }),
    });

  async function open(): Promise<void> {
    sb = await openSidebar(browser.context, { sidebarGetState: [ok(analystState())] });
    await sb.page.getByRole('heading', { name: 'Toàn tỉnh năm 2025' }).waitFor();
  }

  test('reminders: off with a "Bật nhắc hạn" button; the answer shown, the owner named, then "Tắt nhắc hạn"', async () => {
    await open();
    const page = sb.page;
    await page.getByText('Nhắc hạn qua e-mail: đang tắt.').waitFor();
    const answer = 'Đã bật nhắc hạn: mỗi ngày một lần vào khoảng 7 giờ sáng.';
    await sb.script(
      'sidebarSetReminders',
      ok({ on: true, owner: ANALYST_EMAIL, message: answer }, true),
    );
    await button('Bật nhắc hạn').click();
    expect(await button('Đang bật…').isDisabled()).toBe(true);
    await sb.release();
    await page.getByText(answer).waitFor();
    await page
      .getByText(`Nhắc hạn qua e-mail: đang bật (do ${ANALYST_EMAIL} phụ trách).`)
      .waitFor();
    expect(await button('Tắt nhắc hạn').isEnabled()).toBe(true);
    expect((await sb.calls('sidebarSetReminders')).map((c) => c.args)).toEqual([[true]]);
  });

  test('preliminary figures: the row says so; asking for the official ones calls the server and updates the row', async () => {
    const rows = completeness().map((r) =>
      r.unit === 'Thị xã Kinh Môn'
        ? { ...r, submission: { ...r.submission, figures: 'preliminary' as const } }
        : r,
    );
    sb = await openSidebar(browser.context, {
      sidebarGetState: [ok(analystState({ completeness: rows }))],
    });
    await sb.page.getByRole('heading', { name: 'Toàn tỉnh năm 2025' }).waitFor();
    expect(await row('Thị xã Kinh Môn').innerText()).toContain('Số liệu sơ bộ');
    const asked: SubmissionView = {
      ...rows.find((r) => r.unit === 'Thị xã Kinh Môn')!.submission,
      officialRequested: { at: '2025-12-10T02:00:00.000Z', by: ANALYST_EMAIL },
    };
    await sb.script('sidebarRequestOfficial', ok(asked));
    await button('Đề nghị Thị xã Kinh Môn nộp số liệu chính thức').click();
    await sb.page.getByText('Sơ bộ, đã đề nghị chính thức').waitFor();
    expect((await sb.calls('sidebarRequestOfficial')).map((c) => c.args)).toEqual([
      ['Thị xã Kinh Môn', 2025],
    ]);
    expect(await button('Đề nghị Thị xã Kinh Môn nộp số liệu chính thức').count()).toBe(0);
  });

  test('shows the completeness of every unit with totals', async () => {
    await open();
    const table = sb.page.locator('table.completeness');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Đơn vị', 'Số xã', 'Nộp']);
    const units = await table.locator('tbody th').allInnerTexts();
    expect(units).toEqual(completeness().map((r) => r.unit));
    expect(await row('Thị xã Kinh Môn').innerText()).toMatch(/22\/22\s+Muộn\s+Chờ duyệt/);
    expect(await row('Huyện Ninh Giang').innerText()).toMatch(/12\/16\s+Chưa nộp/);
    expect(await row('Thành phố Hải Dương').innerText()).toMatch(/24\/24\s+Đúng hạn\s+Đã duyệt/);
    expect(await row('Huyện Kim Thành').innerText()).toMatch(/Đã trả lại/);
    // 9 of 12 submitted: 7 on time, 2 late, 3 missing; 199 of 207 communes reported
    expect(await sb.page.locator('.stat').allInnerTexts()).toEqual([
      '9/12\nđã nộp',
      '7\nđúng hạn',
      '2\nmuộn',
      '3\nchưa nộp',
    ]);
    expect(await table.locator('tfoot').innerText()).toMatch(/Tổng\s+199\/207\s+9\/12 đã nộp/);
    // Duyệt / Trả lại only for submitted reports awaiting review (7 of them)
    expect(await sb.page.getByRole('button', { name: /^Duyệt báo cáo của / }).count()).toBe(7);
    expect(
      await sb.page.getByRole('button', { name: 'Duyệt báo cáo của Thành phố Hải Dương' }).count(),
    ).toBe(0);
    expect(
      await sb.page.getByRole('button', { name: 'Duyệt báo cáo của Huyện Gia Lộc' }).count(),
    ).toBe(0);
    // the unit picker covers all units, the shown unit's own cards follow
    const picker = sb.page.getByLabel('Đơn vị', { exact: true });
    expect(await picker.inputValue()).toBe('Thành phố Chí Linh');
    expect(await picker.locator('option').count()).toBe(12);
    expect(await sb.page.getByText(`Tài khoản: ${ANALYST_EMAIL}`).count()).toBe(1);
    const labels = await sb.page.locator('.metric-label').allInnerTexts();
    expect(labels[0]).toBe('Giảm hộ nghèo: 81,9% / mục tiêu ≥ 80%');
    expect(labels[1]).toBe('Giảm hộ nghèo + cận nghèo: 57,4% / mục tiêu > 50%');
    // Chí Linh sent on time and the deadline has passed: sending again would make it late
    expect(
      await sb.page.getByText('Nộp lại sẽ ghi thời điểm nộp mới và bị tính là nộp muộn.').count(),
    ).toBe(1);
  });

  test("Cấu hình's words: a city whose units are communes and whose rows are villages", async () => {
    const words = { provinceRow: 'Toàn thành phố', rowLevel: 'thôn, tổ dân phố', row: 'thôn' };
    sb = await openSidebar(browser.context, { sidebarGetState: [ok(analystState({ words }))] });
    await sb.page.getByRole('heading', { name: 'Toàn thành phố năm 2025' }).waitFor();
    const table = sb.page.locator('table.completeness');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['Đơn vị', 'Số thôn', 'Nộp']);
    expect(await button('Tổng hợp toàn thành phố năm 2025').count()).toBe(1);
    expect(await sb.page.getByLabel('Thôn, tổ dân phố').count()).toBe(1);
    expect(await sb.page.getByText(/toàn tỉnh|Số xã|xã đã báo cáo/i).count()).toBe(0);
    await sb.page.close();
    // An agency (no rows to report) shows a dash, not 0/0.
    const agency = { ...completeness()[0], unit: 'Sở Tài chính', expected: 0, reported: 0 };
    const rows = [...completeness(), agency];
    sb = await openSidebar(browser.context, {
      sidebarGetState: [ok(analystState({ completeness: rows }))],
    });
    await sb.page.getByRole('heading', { name: 'Toàn tỉnh năm 2025' }).waitFor();
    expect(await row('Sở Tài chính').locator('td').first().innerText()).toBe('—');
  });

  test('choosing another unit reloads the state for it', async () => {
    await open();
    await sb.script('sidebarGetState', ok(analystState({ unit: 'Huyện Tứ Kỳ' })));
    await sb.page.getByLabel('Đơn vị', { exact: true }).selectOption('Huyện Tứ Kỳ');
    await sb.page.getByRole('heading', { name: 'Huyện Tứ Kỳ', exact: true }).waitFor();
    expect((await sb.calls('sidebarGetState')).map((c) => c.args)).toEqual([
      [null, null],
      ['Huyện Tứ Kỳ', 2025],
    ]);
  });

  test('approves a report; a refusal is shown and the button comes back', async () => {
    await open();
    await sb.script(
      'sidebarApproveReport',
      refuse('Báo cáo của Thị xã Kinh Môn đã được người khác duyệt.'),
    );
    await button('Duyệt báo cáo của Thị xã Kinh Môn').click();
    await sb.page.getByText('Báo cáo của Thị xã Kinh Môn đã được người khác duyệt.').waitFor();
    expect(await button('Duyệt báo cáo của Thị xã Kinh Môn').isEnabled()).toBe(true);

    const approved: SubmissionView = {
      status: 'approved',
      submittedAt: '2025-11-30T04:00:00.000Z',
      email: 'kinhmon@haiduong.gov.vn',
      onTime: false,
      reviewedAt: '2025-12-01T02:00:00.000Z',
      reviewedBy: ANALYST_EMAIL,
    };
    await sb.script('sidebarApproveReport', ok(approved, true));
    await button('Duyệt báo cáo của Thị xã Kinh Môn').click();
    expect(await sb.page.getByRole('button', { name: 'Đang duyệt…' }).isDisabled()).toBe(true);
    await sb.release();
    await sb.page.getByText('Đã duyệt báo cáo của Thị xã Kinh Môn.').waitFor();
    expect(await row('Thị xã Kinh Môn').innerText()).toMatch(/Muộn\s+Đã duyệt/);
    expect(await button('Duyệt báo cáo của Thị xã Kinh Môn').count()).toBe(0);
    expect((await sb.calls('sidebarApproveReport')).map((c) => c.args)).toEqual([
      ['Thị xã Kinh Môn', 2025],
      ['Thị xã Kinh Môn', 2025],
    ]);
  });

  test('returns a report with a required reason; the shown unit updates too', async () => {
    await open();
    await button('Trả lại báo cáo của Thành phố Chí Linh').click();
    const reason = sb.page.getByLabel('Lý do trả lại báo cáo của Thành phố Chí Linh');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await button('Duyệt báo cáo của Thành phố Chí Linh').isVisible()).toBe(false);
    await button('Xác nhận trả lại').click();
    expect(await sb.page.getByText('Nhập lý do trả lại.').count()).toBe(1);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await sb.calls('sidebarReturnReport')).toEqual([]);

    const text =
      'Phường Sao Đỏ: số hộ nghèo năm 2025 lớn hơn số hộ đầu kỳ mà không có hộ phát sinh.';
    await reason.fill(`  ${text}  `);
    await sb.script('sidebarReturnReport', fail('Timeout'));
    await button('Xác nhận trả lại').click();
    await sb.page.getByText('Không kết nối được với máy chủ: Timeout').waitFor();
    expect(await button('Xác nhận trả lại').isEnabled()).toBe(true);
    expect(await reason.inputValue()).toBe(`  ${text}  `);

    const returned: SubmissionView = {
      status: 'returned',
      submittedAt: '2025-11-14T03:00:00.000Z',
      email: 'chilinh@haiduong.gov.vn',
      onTime: true,
      reviewedAt: '2025-11-20T07:30:00.000Z',
      reviewedBy: ANALYST_EMAIL,
      returnReason: text,
    };
    await sb.script('sidebarReturnReport', ok(returned));
    await button('Xác nhận trả lại').click();
    await sb.page.getByText('Đã trả lại báo cáo của Thành phố Chí Linh.').waitFor();
    expect((await sb.calls('sidebarReturnReport')).map((c) => c.args)).toEqual([
      ['Thành phố Chí Linh', 2025, text],
      ['Thành phố Chí Linh', 2025, text],
    ]);
    expect(await row('Thành phố Chí Linh').innerText()).toMatch(/Đã trả lại/);
    // Chí Linh is the unit shown below: its report card shows the reason
    expect(await sb.page.locator('.reason').innerText()).toContain(`Lý do trả lại: ${text}`);
    expect(await sb.page.locator('.stat').first().innerText()).toBe('9/12\nđã nộp');
  });

  test('cancelling a return sends nothing', async () => {
    await open();
    await button('Trả lại báo cáo của Huyện Tứ Kỳ').click();
    await sb.page.getByLabel('Lý do trả lại báo cáo của Huyện Tứ Kỳ').fill('abc');
    await button('Hủy').click();
    expect(await button('Trả lại báo cáo của Huyện Tứ Kỳ').isVisible()).toBe(true);
    expect(await sb.page.getByLabel('Lý do trả lại báo cáo của Huyện Tứ Kỳ').isVisible()).toBe(
      false,
    );
    expect(await sb.calls('sidebarReturnReport')).toEqual([]);
  });

  test('consolidates the province for the year', async () => {
    await open();
    await sb.script('sidebarConsolidate', fail('Exceeded maximum execution time'));
    await button('Tổng hợp toàn tỉnh năm 2025').click();
    await sb.page
      .getByText('Không kết nối được với máy chủ: Exceeded maximum execution time')
      .waitFor();
    expect(await button('Tổng hợp toàn tỉnh năm 2025').isEnabled()).toBe(true);

    const done =
      'Đã tổng hợp năm 2025: 12 đơn vị, 3 đơn vị tạm tính. Xem trang Tổng hợp toàn tỉnh.';
    await sb.script('sidebarConsolidate', ok({ message: done }, true));
    await button('Tổng hợp toàn tỉnh năm 2025').click();
    expect(await button('Đang tổng hợp…').isDisabled()).toBe(true);
    await sb.release();
    await sb.page.getByText(done).waitFor();
    expect((await sb.calls('sidebarConsolidate')).map((c) => c.args)).toEqual([[2025], [2025]]);
    expect(await button('Tổng hợp toàn tỉnh năm 2025').isEnabled()).toBe(true);
  });

  test('an unknown caller sees the access message and no actions', async () => {
    sb = await openSidebar(browser.context, { sidebarGetState: [ok(unknownState())] });
    await sb.page.getByRole('heading', { name: 'Chỉ xem' }).waitFor();
    const body = await sb.page.locator('body').innerText();
    expect(body).toContain(unknownState().accessMessage);
    expect(body).toContain('Không xác định được tài khoản của bạn.');
    expect(body).toContain('Hạn nộp: trước 30/11/2025 — còn 12 ngày');
    for (const name of [/Kiểm tra dữ liệu/, /Nộp báo cáo/, /Thêm đề cử/, /Tổng hợp/, /Duyệt/]) {
      expect(await sb.page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await sb.page.locator('form').count()).toBe(0);
  });
});
