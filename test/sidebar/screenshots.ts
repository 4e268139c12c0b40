// Renders the district and analyst views at 300×900 and saves docs/sidebar-district.png and
// docs/sidebar-analyst.png. Run after `npm run build`: npx tsx test/sidebar/screenshots.ts
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { analystState, districtState, PROBLEMS } from './fixtures';
import { launchBrowser, ok, openSidebar } from './harness';

async function main(): Promise<void> {
  const docs = resolve(__dirname, '../../docs');
  mkdirSync(docs, { recursive: true });
  const browser = await launchBrowser();
  try {
    const district = await openSidebar(browser.context, {
      sidebarGetState: [ok(districtState())],
      sidebarCheckData: [ok(PROBLEMS)],
    });
    await district.page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
    await district.page.getByText('Có 2 lỗi cần sửa:').waitFor();
    await district.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await district.page.screenshot({ path: resolve(docs, 'sidebar-district.png') });

    const analyst = await openSidebar(browser.context, { sidebarGetState: [ok(analystState())] });
    await analyst.page.getByRole('heading', { name: 'Toàn tỉnh năm 2025' }).waitFor();
    await analyst.page.screenshot({ path: resolve(docs, 'sidebar-analyst.png') });
    console.log('docs/sidebar-district.png, docs/sidebar-analyst.png');
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
