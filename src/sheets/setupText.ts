// Texts only the setup writes or shows: on a unit tab the title, the note, the status line of a
// fresh tab and the help texts of the data validations; the summary shown when the setup ends.
// tools/build.ts puts them in dist/SetupData.html (SetupData.text), from where the setup hands
// them on, so they are not in dist/Code.js. {name} is filled in by `fillText` (setupData.ts).
import { UNIT_TEXT } from './layout';

export const SETUP_TEXT = {
  unit: {
    /** {unit}, {baselineYear}, {lastYear} */
    title: `{unit}${UNIT_TEXT.titleSeparator}số liệu hộ nghèo, hộ cận nghèo giai đoạn {baselineYear} - {lastYear}`,
    status: 'Báo cáo năm: chưa nộp',
    /** {deadline}, {row} and {Row} (the rows' noun of Cấu hình: "xã", "thôn") */
    note:
      'Nhập số hộ vào ô nền trắng; ô nền xám tự tính, không sửa. {Row} sáp nhập: chọn {row} nhận sáp nhập và năm báo cáo cuối. ' +
      'Thêm {row}: cán bộ tổng hợp ghi vào trang "Cấu hình". Hạn nộp báo cáo: trước ngày {deadline} hằng năm. Xem trang "Hướng dẫn".',
    /** The note of an agency's tab (no figures to type): {deadline} */
    agencyNote:
      'Cơ quan, tổ chức không có số liệu hộ nghèo theo địa bàn: nhập tiêu chí thi đua và đề cử khen thưởng bên dưới, rồi nộp báo cáo năm trước ngày {deadline} từ thanh bên.',
    /**
     * Help texts of the data validations, by rule (unitTab.ts UnitRules, and `successor`); {row}
     * is the rows' noun of Cấu hình, filled by makeUnitRules.
     */
    help: {
      count: 'Nhập số nguyên không âm (số hộ).',
      nonNegative: 'Nhập một số không âm.',
      yesNo: 'Chọn "Có" hoặc "Không".',
      lastYear: 'Chỉ điền khi {row} đã sáp nhập: năm cuối cùng {row} này còn báo cáo số liệu.',
      successor: 'Chỉ điền khi {row} đã sáp nhập: chọn {row} nhận sáp nhập.',
      nominationYear: 'Chọn năm đề nghị khen thưởng.',
      nominationType: 'Chọn loại: tập thể, cá nhân, hộ gia đình hoặc doanh nghiệp, hợp tác xã.',
      award: 'Chọn hình thức khen thưởng trong danh mục trên trang "Cấu hình".',
    },
  },
  /** The lines of the alert that ends the setup (setup.ts setupSummary). */
  summary: {
    /** {count}, {tabs} */
    created: 'Đã tạo {count} trang: {tabs}.',
    configWritten:
      'Trang "Cấu hình" được điền theo mặc định của tỉnh Hải Dương; hãy kiểm tra, thêm e-mail cán bộ rồi chạy lại lệnh này.',
    /** {count}, {tabs} */
    repaired: 'Đã cập nhật công thức, định dạng và kiểm tra dữ liệu của {count} trang: {tabs}.',
    /** {from}, {to} */
    renamed: 'Đã đổi tên trang "{from}" thành "{to}" theo trang "Cấu hình".',
    /** {count}, {tabs}, {nameCheck} (the name check column's header) */
    upgraded:
      'Đã thêm cột "{nameCheck}" và cột "Kiểm tra" của từng năm vào {count} trang: {tabs}; số liệu đã nhập vẫn giữ nguyên. Hãy chạy lại "Phân quyền các trang tính" để khoá các cột mới.',
    /** {tab}, {count}, {row} (the rows' noun of Cấu hình), {communes} */
    addedCommunes: 'Trang "{tab}": đã thêm {count} {row}: {communes}.',
    /** {tab}, {problem} */
    skipped:
      'Trang "{tab}" chưa được cập nhật: {problem}. Hãy sửa lại bố cục của trang hoặc đổi tên trang rồi chạy lại để tạo trang mới.',
    kept: 'Số liệu đã nhập được giữ nguyên.',
  },
};
export type SetupText = typeof SETUP_TEXT;
export type UnitSetupText = SetupText['unit'];
