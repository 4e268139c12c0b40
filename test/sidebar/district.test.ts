// The sidebar as a district user of Huyện Gia Lộc sees it, in headless Chromium.
import type { NominationInput, SubmissionView } from '../../src/shared/sidebarContract';
import {
  AWARDS,
  DISTRICT_EMAIL,
  districtState,
  districtState2024,
  GIA_LOC,
  PROBLEMS,
} from './fixtures';
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

describeBrowser('sidebar: district user', () => {
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
    const illegal = (await sb.calls()).filter((c) => c.illegal);
    expect(illegal).toEqual([]);
    await sb.page.close();
  });

  const text = (selector: string): Promise<string> => sb.page.locator(selector).innerText();
  const button = (name: string | RegExp) =>
    sb.page.getByRole('button', { name, exact: typeof name === 'string' });

  async function open(state = districtState()): Promise<void> {
    sb = await openSidebar(browser.context, { sidebarGetState: [ok(state)] });
    await sb.page.getByRole('heading', { name: `Tiến độ năm ${state.year}` }).waitFor();
  }

  test('shows a loading state, then the unit, deadline and both targets in Vietnamese', async () => {
    sb = await openSidebar(browser.context, { sidebarGetState: [ok(districtState(), true)] });
    await sb.page.getByText('Đang tải…').waitFor();
    expect(await sb.page.locator('#app').getAttribute('aria-busy')).toBe('true');
    expect(await sb.release()).toBe(1);
    await sb.page.getByRole('heading', { name: 'Tiến độ năm 2025' }).waitFor();
    expect(await sb.page.locator('#app').getAttribute('aria-busy')).toBe('false');

    expect((await sb.calls()).map((c) => [c.name, c.args])).toEqual([
      ['sidebarGetState', [null, null]],
    ]);
    expect(await text('.unit-name')).toBe(GIA_LOC);
    expect(await text('.deadline')).toBe('Hạn nộp: trước 30/11/2025 — còn 12 ngày');
    expect(await sb.page.getByLabel('Năm', { exact: true }).inputValue()).toBe('2025');
    expect(await sb.page.getByText(`Tài khoản: ${DISTRICT_EMAIL}`).count()).toBe(1);

    // 0.625 → "62,5 %"; 0.41 → "41,0 %"; progress 0.82 → "82,0 %" (fixtures.ts works them out)
    const labels = await sb.page.locator('.metric-label').allInnerTexts();
    expect(labels).toEqual([
      'Giảm hộ nghèo: 62,5% / mục tiêu ≥ 80%',
      'Giảm hộ nghèo + cận nghèo: 41,0% / mục tiêu > 50%',
      'Tiến độ chung: 82,0%',
    ]);
    const bars = sb.page.getByRole('progressbar');
    expect(await bars.count()).toBe(3);
    expect(await bars.nth(0).getAttribute('aria-valuenow')).toBe('62.5');
    expect(await bars.nth(0).getAttribute('aria-valuetext')).toBe('62,5%');
    expect(await bars.nth(1).getAttribute('aria-valuetext')).toBe('41,0%');
    const body = await sb.page.locator('body').innerText();
    expect(body).toContain('Đầu kỳ 1.600 hộ → nay 600 hộ');
    expect(body).toContain('Đầu kỳ 4.000 hộ → nay 2.360 hộ');
    expect(body).toContain('13/14 xã đã báo cáo');
    expect(await sb.page.locator('.badges .chip').allInnerTexts()).toEqual([
      'Chưa đạt',
      'Tạm tính',
    ]);
    expect(body).toContain('Chưa nộp');
    // no analyst parts for a district user
    expect(await sb.page.getByRole('heading', { name: /Toàn tỉnh/ }).count()).toBe(0);
    expect(await sb.page.getByLabel('Đơn vị', { exact: true }).count()).toBe(0);
  });

  test('shows a passed deadline as overdue days, and the last day', async () => {
    await open(districtState({ daysLeft: -3 }));
    expect(await text('.deadline')).toBe('Hạn nộp: trước 30/11/2025 — đã quá hạn 3 ngày');
    expect(await sb.page.locator('.deadline.bad').count()).toBe(1);
    await sb.page.close();
    await open(districtState({ daysLeft: 0 }));
    expect(await text('.deadline')).toBe('Hạn nộp: trước 30/11/2025 — hôm nay là ngày cuối');
  });

  test('changing the year reloads the state for that unit and year', async () => {
    await open();
    await sb.script('sidebarGetState', ok(districtState2024()));
    await sb.page.getByLabel('Năm', { exact: true }).selectOption('2024');
    await sb.page.getByRole('heading', { name: 'Tiến độ năm 2024' }).waitFor();
    const calls = await sb.calls('sidebarGetState');
    expect(calls.map((c) => c.args)).toEqual([
      [null, null],
      [GIA_LOC, 2024],
    ]);
    const labels = await sb.page.locator('.metric-label').allInnerTexts();
    expect(labels[0]).toBe('Giảm hộ nghèo: 76,3% / mục tiêu ≥ 80%');
    expect(labels[1]).toBe('Giảm hộ nghèo + cận nghèo: 52,5% / mục tiêu > 50%');
    expect(await sb.page.locator('.badges .chip').allInnerTexts()).toEqual(['Đạt']);
    const body = await sb.page.locator('body').innerText();
    expect(body).toContain('Đã duyệt');
    expect(body).toContain(`Nộp lúc 25/11/2024 10:30 bởi ${DISTRICT_EMAIL} — đúng hạn`);
    expect(body).toContain('Duyệt lúc 02/12/2024 15:00 bởi banthidua@haiduong.gov.vn');
    // an approved report cannot be submitted again
    expect(await button(/^Nộp (lại )?báo cáo/).count()).toBe(0);
  });

  test('a failed reload keeps what is shown and puts the year back', async () => {
    await open();
    await sb.script(
      'sidebarGetState',
      refuse('Chưa đọc được dữ liệu năm 2024: trang Huyện Gia Lộc đang được người khác sửa.'),
    );
    await sb.page.getByLabel('Năm', { exact: true }).selectOption('2024');
    await sb.page
      .getByText('Chưa đọc được dữ liệu năm 2024: trang Huyện Gia Lộc đang được người khác sửa.')
      .waitFor();
    expect(await sb.page.getByLabel('Năm', { exact: true }).inputValue()).toBe('2025');
    expect(await sb.page.getByLabel('Năm', { exact: true }).isEnabled()).toBe(true);
    expect(await sb.page.getByRole('heading', { name: 'Tiến độ năm 2025' }).count()).toBe(1);
  });

  test('lists the problems of a check; a problem link selects its cell', async () => {
    await open();
    await sb.script('sidebarCheckData', ok(PROBLEMS));
    await button('Kiểm tra dữ liệu').click();
    await sb.page.getByText('Có 2 lỗi cần sửa:').waitFor();
    expect((await sb.calls('sidebarCheckData')).map((c) => c.args)).toEqual([[GIA_LOC, 2025]]);
    const items = await sb.page.locator('.problem').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(PROBLEMS[0].message);
    expect(items[0]).toContain('Đi tới ô E7');
    expect(items[1]).toContain('Đi tới ô G12');

    await sb.script('sidebarSelectCell', ok(true));
    await sb.page.getByRole('button', { name: `Đi tới ô G12 trên trang ${GIA_LOC}` }).click();
    expect((await sb.waitForCalls('sidebarSelectCell', 1)).map((c) => c.args)).toEqual([
      [GIA_LOC, 'G12'],
    ]);

    // a refusal of the selection is shown, the link stays usable
    await sb.script('sidebarSelectCell', refuse('Không tìm thấy trang "Huyện Gia Lộc".'));
    await sb.page.getByRole('button', { name: /Đi tới ô E7/ }).click();
    await sb.page.getByText('Không tìm thấy trang "Huyện Gia Lộc".').waitFor();
    expect((await sb.calls('sidebarSelectCell')).map((c) => c.args)[1]).toEqual([GIA_LOC, 'E7']);
    expect(await sb.page.getByRole('button', { name: /Đi tới ô E7/ }).isEnabled()).toBe(true);

    // the submit button is held back while errors remain
    const submit = button('Nộp báo cáo năm 2025');
    expect(await submit.isDisabled()).toBe(true);
    expect(await sb.page.locator('.hint-error').innerText()).toContain('còn 2 lỗi');

    // fixed: a new check finds nothing
    await sb.script('sidebarCheckData', ok([]));
    await button('Kiểm tra dữ liệu').click();
    await sb.page.getByText('Không có lỗi').waitFor();
    expect(await sb.page.locator('.problem').count()).toBe(0);
    expect(await submit.isEnabled()).toBe(true);
  });

  test('the check button is busy while the call runs and usable again after a failure', async () => {
    await open();
    await sb.script('sidebarCheckData', fail('Hết thời gian chờ', true));
    await button('Kiểm tra dữ liệu').click();
    const busy = sb.page.getByRole('button', { name: 'Đang kiểm tra…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    expect(await busy.getAttribute('aria-busy')).toBe('true');
    expect(await sb.release()).toBe(1);
    await sb.page.getByText('Không kết nối được với máy chủ: Hết thời gian chờ').waitFor();
    expect(await button('Kiểm tra dữ liệu').isEnabled()).toBe(true);

    // and after a refusal
    await sb.script('sidebarCheckData', refuse('Bạn không có quyền kiểm tra Huyện Tứ Kỳ.'));
    await button('Kiểm tra dữ liệu').click();
    await sb.page.getByText('Bạn không có quyền kiểm tra Huyện Tứ Kỳ.').waitFor();
    expect(await button('Kiểm tra dữ liệu').isEnabled()).toBe(true);
  });

  test('a nomination: required fields checked here, a refusal shown, then added', async () => {
    await open();
    const page = sb.page;
    // the choices come from the state
    const awardOptions = await page
      .getByLabel('Hình thức khen thưởng')
      .locator('option')
      .allInnerTexts();
    expect(awardOptions).toHaveLength(AWARDS.length + 1);
    expect(awardOptions[4]).toBe(
      'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (Chủ tịch Ủy ban nhân dân tỉnh)',
    );
    const communeOptions = await page
      .getByLabel('Xã, phường, thị trấn')
      .locator('option')
      .allInnerTexts();
    expect(communeOptions[0]).toBe('— Không (đơn vị) —');
    expect(communeOptions).toContain('Xã Yết Kiêu');

    // missing name: a message next to the field, no server call
    await page.getByLabel('Loại đề cử').selectOption('Tập thể');
    await page.getByLabel('Xã, phường, thị trấn').selectOption('Xã Yết Kiêu');
    await page.getByLabel('Tóm tắt thành tích').fill('Giảm 85,0 % hộ nghèo so với đầu kỳ.');
    await page
      .getByLabel('Hình thức khen thưởng')
      .selectOption('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    await page.getByLabel('Tên tập thể, cá nhân').fill('   ');
    await button('Thêm đề cử').click();
    const nameField = page.getByLabel('Tên tập thể, cá nhân');
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    const errorId = await nameField.getAttribute('aria-describedby');
    expect(await page.locator(`#${errorId}`).innerText()).toBe(
      'Nhập tên tập thể hoặc cá nhân được đề cử.',
    );
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    expect(await sb.calls('sidebarAddNomination')).toEqual([]);

    // a refusal from the server, with its problems
    await nameField.fill('  Ủy ban nhân dân xã Yết Kiêu ');
    await sb.script(
      'sidebarAddNomination',
      refuse('Không thêm được đề cử.', {
        problems: [
          {
            sheet: GIA_LOC,
            cell: 'C80',
            message: 'Khu vực đề cử đã đầy: hãy thêm dòng trong trang Huyện Gia Lộc.',
          },
          // the server names a form field in `cell`: its message goes next to that field
          {
            sheet: 'Đề cử',
            cell: 'commune',
            message: 'Xã "Xã Yết Kiêu" không thuộc Huyện Gia Lộc.',
          },
        ],
      }),
    );
    await button('Thêm đề cử').click();
    await page
      .getByText('Khu vực đề cử đã đầy: hãy thêm dòng trong trang Huyện Gia Lộc.')
      .waitFor();
    expect(await page.getByText('Không thêm được đề cử.').count()).toBe(1);
    expect(await nameField.getAttribute('aria-invalid')).toBeNull();
    const communeField = page.getByLabel('Xã, phường, thị trấn');
    expect(await communeField.getAttribute('aria-invalid')).toBe('true');
    const communeErrorId = await communeField.getAttribute('aria-describedby');
    expect(await page.locator(`#${communeErrorId}`).innerText()).toBe(
      'Xã "Xã Yết Kiêu" không thuộc Huyện Gia Lộc.',
    );
    expect(await page.locator('form .msg-error li').allInnerTexts()).toEqual([
      'Khu vực đề cử đã đầy: hãy thêm dòng trong trang Huyện Gia Lộc.',
    ]);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await button('Thêm đề cử').isEnabled()).toBe(true);

    // accepted
    await sb.script('sidebarAddNomination', ok({ id: 'DC-GIALOC-2025-004', row: 57 }));
    await button('Thêm đề cử').click();
    await page.getByText('Đã thêm đề cử mã DC-GIALOC-2025-004 (dòng 57).').waitFor();
    const expected: NominationInput = {
      unit: GIA_LOC,
      year: 2025,
      type: 'Tập thể',
      name: 'Ủy ban nhân dân xã Yết Kiêu',
      commune: 'Xã Yết Kiêu',
      achievement: 'Giảm 85,0 % hộ nghèo so với đầu kỳ.',
      award: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    };
    const calls = await sb.calls('sidebarAddNomination');
    expect(calls.map((c) => c.args)).toEqual([[expected], [expected]]);
    // the form is cleared
    expect(await nameField.inputValue()).toBe('');
    expect(await page.getByLabel('Tóm tắt thành tích').inputValue()).toBe('');
    expect(await page.getByLabel('Loại đề cử').inputValue()).toBe('');
    expect(await page.getByLabel('Xã, phường, thị trấn').inputValue()).toBe('');
  });

  test('a nomination for the unit itself sends an empty commune; a lost connection is shown', async () => {
    await open();
    const page = sb.page;
    await page.getByLabel('Loại đề cử').selectOption('Cá nhân');
    await page.getByLabel('Tên tập thể, cá nhân').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Tóm tắt thành tích').fill('Vận động 12 hộ thoát nghèo.');
    await button('Thêm đề cử').click();
    expect(await page.getByText('Chọn hình thức khen thưởng.').count()).toBe(1);
    expect(await sb.calls('sidebarAddNomination')).toEqual([]);
    await page.getByLabel('Hình thức khen thưởng').selectOption(AWARDS[5].name);
    await sb.script(
      'sidebarAddNomination',
      fail('NetworkError: Connection failure due to HTTP 0', true),
    );
    await button('Thêm đề cử').click();
    expect(await button('Đang thêm…').isDisabled()).toBe(true);
    await sb.release();
    await page
      .getByText('Không kết nối được với máy chủ: NetworkError: Connection failure due to HTTP 0')
      .waitFor();
    expect(await button('Thêm đề cử').isEnabled()).toBe(true);
    // nothing typed is lost
    expect(await page.getByLabel('Tên tập thể, cá nhân').inputValue()).toBe('Nguyễn Thị Hoa');
    const [call] = await sb.calls('sidebarAddNomination');
    expect(call.args).toEqual([
      {
        unit: GIA_LOC,
        year: 2025,
        type: 'Cá nhân',
        name: 'Nguyễn Thị Hoa',
        commune: '',
        achievement: 'Vận động 12 hộ thoát nghèo.',
        award: AWARDS[5].name,
      },
    ]);
  });

  test('submit: confirm, refused while errors remain, then accepted after a clean check', async () => {
    await open();
    const page = sb.page;
    expect(await page.getByText('Nên bấm "Kiểm tra dữ liệu" trước khi nộp.').count()).toBe(1);

    // cancel at the confirm step: nothing is sent
    await button('Nộp báo cáo năm 2025').click();
    await page.getByText(`Xác nhận nộp báo cáo năm 2025 của ${GIA_LOC}?`).waitFor();
    expect(await button('Nộp báo cáo năm 2025').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nộp báo cáo');
    await button('Hủy').click();
    expect(await button('Nộp báo cáo năm 2025').isVisible()).toBe(true);
    expect(await sb.calls('sidebarSubmitReport')).toEqual([]);

    // the server refuses: its message, the problems listed, the button held back
    const refusal = 'Chưa nộp được: dữ liệu năm 2025 còn 2 lỗi.';
    await sb.script('sidebarSubmitReport', refuse(refusal, { problems: PROBLEMS }));
    await button('Nộp báo cáo năm 2025').click();
    await button('Nộp báo cáo').click();
    await page.getByText(refusal).waitFor();
    // Preliminary figures unless the district says otherwise; no narrative report given.
    expect((await sb.calls('sidebarSubmitReport')).map((c) => c.args)).toEqual([
      [GIA_LOC, 2025, { figures: 'preliminary', document: null }],
    ]);
    expect(await page.locator('.problem').count()).toBe(2);
    expect(await button('Nộp báo cáo năm 2025').isDisabled()).toBe(true);
    expect(await page.locator('.hint-error').innerText()).toContain('còn 2 lỗi');

    // fixed and checked again: accepted
    await sb.script('sidebarCheckData', ok([]));
    await button('Kiểm tra dữ liệu').click();
    await page.getByText('Không có lỗi').waitFor();
    const accepted: SubmissionView = {
      status: 'submitted',
      submittedAt: '2025-11-18T02:15:00.000Z',
      email: DISTRICT_EMAIL,
      onTime: true,
    };
    await sb.script('sidebarSubmitReport', ok(accepted, true));
    await button('Nộp báo cáo năm 2025').click();
    // official figures and the narrative report, as typed (the server checks them)
    await page.getByLabel('Số liệu chính thức (sau rà soát hộ nghèo)').check();
    await page.getByLabel('Số văn bản báo cáo').fill('15/BC-UBND');
    await page.getByLabel('Ngày văn bản (dd/mm/yyyy)').fill('20/11/2025');
    await page
      .getByLabel('Đường dẫn Google Drive của báo cáo')
      .fill('https://drive.google.com/file/d/1/view');
    await button('Nộp báo cáo').click();
    expect(await button('Đang nộp…').isDisabled()).toBe(true);
    expect(await button('Hủy').isDisabled()).toBe(true);
    await sb.release();
    await page.getByText('Đã nộp báo cáo năm 2025.').waitFor();
    const card = await page
      .locator('section', { has: page.getByRole('heading', { name: 'Báo cáo năm 2025' }) })
      .innerText();
    expect(card).toContain('Đã nộp, chờ duyệt');
    expect(card).toContain(`Nộp lúc 18/11/2025 09:15 bởi ${DISTRICT_EMAIL} — đúng hạn`);
    // awaiting review: it may be sent again (the server accepts that until it is approved)
    expect(await button('Nộp lại báo cáo năm 2025').isEnabled()).toBe(true);
    expect(await page.getByText('Nộp lại sẽ ghi thời điểm nộp mới.').count()).toBe(1);
    expect((await sb.calls('sidebarSubmitReport'))[1].args).toEqual([
      GIA_LOC,
      2025,
      {
        figures: 'official',
        document: {
          number: '15/BC-UBND',
          date: '20/11/2025',
          link: 'https://drive.google.com/file/d/1/view',
        },
      },
    ]);
  });

  test('a lost connection while submitting leaves the button usable', async () => {
    await open();
    await sb.script('sidebarSubmitReport', fail('Timeout'));
    await button('Nộp báo cáo năm 2025').click();
    await button('Nộp báo cáo').click();
    await sb.page.getByText('Không kết nối được với máy chủ: Timeout').waitFor();
    expect(await button('Nộp báo cáo năm 2025').isEnabled()).toBe(true);
  });

  test('a returned report shows the reason and can be submitted again; a late one says so', async () => {
    const reason = 'Số hộ cận nghèo của Xã Gia Phúc năm 2025 chưa khớp với biên bản rà soát.';
    await open(
      districtState({
        submission: {
          status: 'returned',
          submittedAt: '2025-11-10T01:05:00.000Z',
          email: DISTRICT_EMAIL,
          onTime: true,
          reviewedAt: '2025-11-12T09:00:00.000Z',
          reviewedBy: 'banthidua@haiduong.gov.vn',
          returnReason: reason,
        },
      }),
    );
    const highlighted = sb.page.locator('.reason');
    expect(await highlighted.innerText()).toContain(`Lý do trả lại: ${reason}`);
    const body = await sb.page.locator('body').innerText();
    expect(body).toContain('Bị trả lại');
    expect(body).toContain('Trả lại lúc 12/11/2025 16:00 bởi banthidua@haiduong.gov.vn');
    expect(await button('Nộp lại báo cáo năm 2025').isEnabled()).toBe(true);

    await sb.page.close();
    await open(
      districtState({
        daysLeft: -2,
        submission: {
          status: 'submitted',
          submittedAt: '2025-11-30T03:00:00.000Z',
          email: DISTRICT_EMAIL,
          onTime: false,
        },
      }),
    );
    expect(await sb.page.locator('body').innerText()).toContain(
      `Nộp lúc 30/11/2025 10:00 bởi ${DISTRICT_EMAIL} — nộp muộn`,
    );
  });

  test('a failed first load shows the message and a retry', async () => {
    sb = await openSidebar(browser.context, {
      sidebarGetState: [fail('Google Sheets is temporarily unavailable'), ok(districtState())],
    });
    await sb.page
      .getByText('Không kết nối được với máy chủ: Google Sheets is temporarily unavailable')
      .waitFor();
    await button('Thử lại').click();
    await sb.page.getByRole('heading', { name: 'Tiến độ năm 2025' }).waitFor();
    expect((await sb.calls('sidebarGetState')).map((c) => c.args)).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});
