// Text from the server is text (no markup, no script), the page fits 300 px, is usable with the
// keyboard, and the built file is self-contained and small.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SidebarState } from '../../src/shared/sidebarContract';
import { analystState, districtState, GIA_LOC, PROBLEMS, unknownState, XSS } from './fixtures';
import {
  type Browser,
  describeBrowser,
  launchBrowser,
  ok,
  openSidebar,
  refuse,
  SIDEBAR_HTML,
  type Sidebar,
} from './harness';

const SCRIPT_XSS = '"><script>window.__pwned = 1</script>';

function xssState(): SidebarState {
  const base = analystState();
  return {
    ...base,
    email: XSS,
    units: [XSS, ...base.units],
    unit: XSS,
    communes: [XSS, SCRIPT_XSS, 'Xã Gia Tân'],
    nominationTypes: [XSS, 'Tập thể'],
    awards: [{ name: XSS, authority: SCRIPT_XSS }, ...base.awards],
    submission: {
      status: 'returned',
      submittedAt: '2025-11-10T01:05:00.000Z',
      email: XSS,
      onTime: true,
      reviewedAt: '2025-11-12T09:00:00.000Z',
      reviewedBy: SCRIPT_XSS,
      returnReason: XSS,
    },
    completeness: [
      {
        unit: XSS,
        expected: 3,
        reported: 3,
        status: 'on_time',
        submission: {
          status: 'submitted',
          submittedAt: '2025-11-10T01:05:00.000Z',
          email: XSS,
          onTime: true,
        },
      },
      ...(base.completeness ?? []),
    ],
  };
}

describeBrowser('sidebar: safety, layout and accessibility', () => {
  let browser: Browser;
  let sb: Sidebar;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await sb.page.close();
  });

  async function assertNoInjection(): Promise<void> {
    // give an injected onerror handler time to fire
    await sb.page.waitForTimeout(300);
    expect(sb.dialogs).toEqual([]);
    expect(sb.errors).toEqual([]);
    expect(await sb.page.locator('img').count()).toBe(0);
    expect(await sb.page.locator('script').count()).toBe(1);
    expect(
      await sb.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  }

  test('unit, commune, nominee names and messages with markup show as text', async () => {
    sb = await openSidebar(browser.context, {
      sidebarGetState: [ok(xssState())],
      sidebarCheckData: [ok([{ sheet: XSS, cell: 'E7', message: XSS }]), ok([])],
      sidebarSelectCell: [refuse(XSS)],
      sidebarAddNomination: [
        refuse(XSS, { problems: [{ sheet: XSS, cell: 'C9', message: SCRIPT_XSS }] }),
        ok({ id: XSS, row: 9 }),
      ],
      sidebarSubmitReport: [refuse(SCRIPT_XSS)],
      sidebarConsolidate: [ok({ message: XSS })],
      sidebarApproveReport: [refuse(XSS)],
    });
    const page = sb.page;
    await page.getByRole('heading', { name: 'Toàn tỉnh năm 2025' }).waitFor();

    // unit name in the picker, the section title, the table; e-mail, return reason
    expect(await page.getByRole('heading', { name: XSS, exact: true }).count()).toBe(1);
    expect(await page.getByRole('rowheader', { name: XSS, exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Đơn vị', { exact: true }).inputValue()).toBe(XSS);
    expect(await page.locator('.reason').innerText()).toContain(`Lý do trả lại: ${XSS}`);
    expect(await page.locator('body').innerText()).toContain(`Tài khoản: ${XSS}`);
    expect(await page.getByRole('button', { name: `Duyệt báo cáo của ${XSS}` }).count()).toBe(1);

    // a problem message and its sheet
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
    await page.locator('.problem').first().waitFor();
    expect(await page.locator('.problem').first().innerText()).toContain(XSS);
    await page.getByRole('button', { name: `Đi tới ô E7 trên trang ${XSS}` }).click();
    await page.locator('.card .msg-error', { hasText: XSS }).first().waitFor();
    expect((await sb.calls('sidebarSelectCell'))[0].args).toEqual([XSS, 'E7']);

    // a nominee named with markup, in a commune named with markup
    const communes = await page
      .getByLabel('Xã, phường, thị trấn')
      .locator('option')
      .allInnerTexts();
    expect(communes).toEqual(['— Không (đơn vị) —', XSS, SCRIPT_XSS, 'Xã Gia Tân']);
    await page.getByLabel('Loại đề cử').selectOption(XSS);
    await page.getByLabel('Tên tập thể, cá nhân').fill(XSS);
    await page.getByLabel('Xã, phường, thị trấn').selectOption(XSS);
    await page.getByLabel('Tóm tắt thành tích').fill(SCRIPT_XSS);
    await page.getByLabel('Hình thức khen thưởng').selectOption(XSS);
    expect(
      await page.getByLabel('Hình thức khen thưởng').locator('option:checked').innerText(),
    ).toBe(`${XSS} (${SCRIPT_XSS})`);
    await page.getByRole('button', { name: 'Thêm đề cử', exact: true }).click();
    await page.locator('form .msg-error li', { hasText: SCRIPT_XSS }).waitFor();
    expect(await page.locator('form .msg-error').innerText()).toBe(`${XSS}\n${SCRIPT_XSS}`);
    await page.getByRole('button', { name: 'Thêm đề cử', exact: true }).click();
    await page.getByText(`Đã thêm đề cử mã ${XSS} (dòng 9).`).waitFor();
    expect((await sb.calls('sidebarAddNomination'))[1].args).toEqual([
      {
        unit: XSS,
        year: 2025,
        type: XSS,
        name: XSS,
        commune: XSS,
        achievement: SCRIPT_XSS,
        award: XSS,
      },
    ]);

    // server messages (after a clean check, so that the submit button is enabled)
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
    await page.getByText('Không có lỗi').waitFor();
    await page.getByRole('button', { name: 'Nộp lại báo cáo năm 2025' }).click();
    await page.getByText(`Xác nhận nộp báo cáo năm 2025 của ${XSS}?`).waitFor();
    await page.getByRole('button', { name: 'Nộp báo cáo', exact: true }).click();
    await page.locator('.msg-error', { hasText: SCRIPT_XSS }).waitFor();
    await page.getByRole('button', { name: `Duyệt báo cáo của ${XSS}` }).click();
    await page.locator('tr.actions .msg-error', { hasText: XSS }).waitFor();
    await page.getByRole('button', { name: 'Tổng hợp toàn tỉnh năm 2025' }).click();
    await page.getByText(XSS, { exact: true }).and(page.locator('.msg-ok')).waitFor();
    await assertNoInjection();
  });

  test('an access message with markup shows as text', async () => {
    sb = await openSidebar(browser.context, {
      sidebarGetState: [
        ok({
          ...unknownState(),
          accessMessage: XSS,
          unit: XSS,
          progress: districtState().progress,
        }),
      ],
    });
    await sb.page.getByRole('heading', { name: 'Chỉ xem' }).waitFor();
    expect(await sb.page.locator('.notice p').innerText()).toBe(XSS);
    expect(await sb.page.locator('.unit-name').innerText()).toBe(XSS);
    await assertNoInjection();
  });

  test('a connection error message with markup shows as text', async () => {
    sb = await openSidebar(browser.context, { sidebarGetState: [{ error: XSS }] });
    await sb.page.getByText(`Không kết nối được với máy chủ: ${XSS}`).waitFor();
    await assertNoInjection();
  });

  async function noHorizontalScroll(): Promise<void> {
    const widths = await sb.page.evaluate(() => ({
      doc: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
      view: window.innerWidth,
    }));
    expect(widths.view).toBe(300);
    expect(widths.doc).toBeLessThanOrEqual(300);
    expect(widths.body).toBeLessThanOrEqual(300);
  }

  test('fits 300 px without horizontal scroll, even with long names and open forms', async () => {
    const long =
      'Ủy ban nhân dân xã Hoàng Hoa Thám thuộc Thành phố Chí Linh tỉnh Hải Dương_không_có_dấu_cách_nào_cả';
    const state = analystState({
      unit: long,
      units: [long, ...analystState().units],
      communes: [long],
    });
    state.completeness = [
      {
        unit: long,
        expected: 120,
        reported: 119,
        status: 'late',
        submission: { status: 'submitted' },
      },
      ...(state.completeness ?? []),
    ];
    sb = await openSidebar(browser.context, {
      sidebarGetState: [ok(state)],
      sidebarCheckData: [ok([...PROBLEMS, { sheet: GIA_LOC, cell: 'AB1234', message: long }])],
    });
    await sb.page.getByRole('heading', { name: 'Toàn tỉnh năm 2025' }).waitFor();
    await noHorizontalScroll();
    await sb.page.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
    await sb.page.locator('.problem').first().waitFor();
    await sb.page.getByRole('button', { name: `Trả lại báo cáo của ${long}` }).click();
    await sb.page.getByRole('button', { name: 'Thêm đề cử', exact: true }).click();
    expect(await sb.page.locator('.field-error:not(:empty)').count()).toBe(4);
    await noHorizontalScroll();
    expect(sb.errors).toEqual([]);
  });

  test('looks like a Google add-on and shows keyboard focus', async () => {
    sb = await openSidebar(browser.context, { sidebarGetState: [ok(districtState())] });
    await sb.page.getByRole('heading', { name: 'Tiến độ năm 2025' }).waitFor();
    const look = await sb.page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const primary = getComputedStyle(document.querySelector('.btn-primary') as Element);
      const card = getComputedStyle(document.querySelector('.card') as Element);
      return {
        font: body.fontFamily,
        size: body.fontSize,
        primary: primary.backgroundColor,
        border: `${card.borderTopWidth} ${card.borderTopStyle} ${card.borderTopColor}`,
      };
    });
    expect(look).toEqual({
      font: 'Roboto, Arial, sans-serif',
      size: '13px',
      primary: 'rgb(26, 115, 232)',
      border: '1px solid rgb(218, 220, 224)',
    });

    // Tab through: every stop is visible as focused, and the check button is reachable
    const stops: string[] = [];
    for (let i = 0; i < 12 && !stops.some((s) => s.startsWith('BUTTON:Kiểm tra dữ liệu')); i += 1) {
      await sb.page.keyboard.press('Tab');
      const stop = await sb.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}:${visible || style.borderColor === 'rgb(26, 115, 232)'}`;
      });
      stops.push(stop);
    }
    expect(stops[0]).toMatch(/^SELECT:.*:true$/);
    expect(stops).toContain('BUTTON:Kiểm tra dữ liệu:true');
    for (const s of stops) expect(s).toMatch(/:true$/);
    await sb.page.keyboard.press('Enter');
    // Enter on the focused check button runs the check (no reply scripted: a connection error)
    await sb.page.getByText(/Không kết nối được với máy chủ/).waitFor();

    // every control has a label
    const unlabelled = await sb.page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter(
          (el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label'),
        )
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
  });
});

describe('sidebar: the built file and its sources', () => {
  const sourceDir = resolve(__dirname, '../../src/sidebar');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : [path];
    });

  test('never builds markup from strings', () => {
    for (const file of sources(sourceDir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(file, 'utf8');
      expect({
        file,
        hit: /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/.exec(
          text,
        )?.[0],
      }).toEqual({ file, hit: undefined });
    }
  });

  test('keeps the inline markers in the template', () => {
    const template = readFileSync(join(sourceDir, 'index.html'), 'utf8');
    expect(template).toContain('<!-- INLINE_CSS -->');
    expect(template).toContain('<!-- INLINE_JS -->');
  });

  test('is one small self-contained file (run npm run build first)', () => {
    const html = readFileSync(SIDEBAR_HTML, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(40 * 1024);
    expect(html).not.toContain('INLINE_');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link\b|<script\s+src|@import|url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});
