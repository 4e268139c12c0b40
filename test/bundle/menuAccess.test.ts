// Every menu item that reads or writes the workbook checks its caller first (src/server/
// entryPoint.ts): a district user and an unknown user are refused with one Vietnamese alert and
// nothing changes; an analyst gets the answer. Through the compiled bundle.
import { alertsDuring, type Workbook } from '../../tools/workbookDriver';
import {
  ACCESS_DENIED,
  ANALYST,
  GL,
  UNKNOWN_USER,
  fullSnapshot,
  sidebarWorkbook,
} from './sidebarApi.fixture';

let wb: Workbook;

beforeAll(() => {
  wb = sidebarWorkbook({ protect: true });
});

/** The alerts a menu item shows when `email` clicks it. */
function click(fn: string, email: string): { title: string; message: string }[] {
  return alertsDuring(wb, () => wb.bundle.callAs(email, fn)).map((a) => ({
    title: a.title,
    message: a.message,
  }));
}

const MENUS: [string, string][] = [
  ['menuCheckAll', 'Kiểm tra dữ liệu'],
  ['menuConsolidate', 'Tổng hợp toàn tỉnh'],
  ['menuProtect', 'Phân quyền các trang tính'],
  ['menuSelfCheck', 'Kiểm tra cài đặt'],
  ['menuRemindersOn', 'Nhắc hạn nộp báo cáo'],
  ['menuRemindersOff', 'Nhắc hạn nộp báo cáo'],
  ['menuSetup', 'Khởi tạo / cập nhật sổ'],
];

test.each(MENUS)(
  '%s refuses a district user and an unknown user, changing nothing',
  (fn, title) => {
    const before = fullSnapshot(wb);
    expect(click(fn, GL)).toEqual([{ title, message: ACCESS_DENIED }]);
    expect(click(fn, '')).toEqual([{ title, message: UNKNOWN_USER }]);
    expect(fullSnapshot(wb)).toEqual(before);
  },
);

test('"Kiểm tra dữ liệu tất cả đơn vị" answers an analyst with every unit checked', () => {
  const [alert] = click('menuCheckAll', ANALYST);
  expect(alert.title).toBe('Kiểm tra dữ liệu');
  expect(alert.message).toMatch(/^Đã kiểm tra 12 đơn vị/);
});
