// The tab "Hướng dẫn": how to use the workbook, in plain Vietnamese, written by setup.
import type { Config } from '../core/config';
import { formatPercent } from '../core/format';
import { asText } from './configTab';
import { SHEET, UNIT_TEXT, FIELD_HEADER } from './layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One line of the guide: a heading or a paragraph. */
export interface GuideLine {
  text: string;
  heading?: boolean;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The guide's lines for a configuration (pure). */
export function guideLines(config: Config): GuideLine[] {
  const first = Math.min(...config.years);
  const last = Math.max(...config.years);
  const deadline = `${pad2(config.deadline.day)}/${pad2(config.deadline.month)}`;
  const poor = formatPercent(config.targets.poorReduction, 0);
  const combined = formatPercent(config.targets.combinedReduction, 0);
  const h = (text: string): GuideLine => ({ text, heading: true });
  const p = (text: string): GuideLine => ({ text });
  return [
    h(`HƯỚNG DẪN SỬ DỤNG SỔ THEO DÕI PHONG TRÀO THI ĐUA "${config.movementName.toUpperCase()}"`),
    p(
      `Sổ này theo dõi kết quả giảm nghèo của từng đơn vị cấp huyện tỉnh ${config.province} giai đoạn ${config.baselineYear} - ${last}, ` +
        `theo Kế hoạch số ${config.planNumber}. Mỗi đơn vị nhập số liệu trên trang của mình; Ban Thi đua - Khen thưởng tổng hợp toàn tỉnh.`,
    ),
    p(''),
    h('1. CÁC TRANG TRONG SỔ'),
    p(`• "${SHEET.guide}": trang này.`),
    p(
      `• "${SHEET.config}": thông tin chung, các năm, hai mục tiêu, hạn nộp báo cáo, danh sách đơn vị, xã và e-mail cán bộ, ` +
        'hình thức khen thưởng, trọng số chấm điểm. Chỉ cán bộ tổng hợp của tỉnh sửa trang này.',
    ),
    p(
      '• Một trang cho mỗi đơn vị (ví dụ "Huyện Gia Lộc"): số liệu hộ nghèo, hộ cận nghèo của từng xã theo từng năm, ' +
        'tiêu chí thi đua và đề cử khen thưởng. Cán bộ của đơn vị chỉ nhập trên trang của mình.',
    ),
    p(`• "${SHEET.summary}": bảng tổng hợp toàn tỉnh do menu tổng hợp ghi ra; lãnh đạo xem trang này.`),
    p(`• "${SHEET.shortlist}": danh sách đề xuất khen thưởng; cán bộ tổng hợp ghi ý kiến và quyết định.`),
    p(`• "${SHEET.log}": nhật ký mỗi lần tổng hợp và mỗi lần đơn vị nộp báo cáo.`),
    p(''),
    h('2. CÁN BỘ CẤP HUYỆN: NHẬP SỐ LIỆU'),
    p(
      `• Mỗi dòng là một xã, phường, thị trấn. Cột "Đầu kỳ (rà soát cuối năm ${config.baselineYear})" là số liệu làm mốc so sánh; ` +
        `mỗi năm từ ${first} đến ${last} có một nhóm cột riêng.`,
    ),
    p(
      `• Nhập vào các ô nền trắng: "${FIELD_HEADER.households}", "${FIELD_HEADER.poor}", "${FIELD_HEADER.nearPoor}" (bắt buộc), ` +
        `và nếu có: "${FIELD_HEADER.poorExited}", "${FIELD_HEADER.poorReturned}", "${FIELD_HEADER.poorNew}". ` +
        'Chỉ nhập số nguyên không âm (số hộ), không nhập chữ, không nhập số thập phân.',
    ),
    p(
      '• Khi nhập đủ ba cột biến động, số hộ nghèo cuối năm phải bằng: số hộ nghèo cuối năm trước − thoát nghèo + tái nghèo + phát sinh mới.',
    ),
    p(
      `• Các ô nền xám tự tính, không sửa: "${FIELD_HEADER.poorRate}", "${FIELD_HEADER.poorReduction}", ` +
        `"${FIELD_HEADER.combinedReduction}", "${FIELD_HEADER.result}" (Đạt / Chưa đạt) và "${FIELD_HEADER.progress}". ` +
        `Dòng "${UNIT_TEXT.total}" cộng số hộ của các xã (không lấy trung bình tỷ lệ của các xã).`,
    ),
    p(
      `• Dòng "${UNIT_TEXT.total}" ghi "Tạm tính" khi còn xã chưa nhập số liệu của năm đó; khi đó đơn vị chưa được tính là đạt.`,
    ),
    p(`• Thêm xã: chọn dòng "${UNIT_TEXT.spacer}", chèn một dòng phía trên nó rồi ghi tên xã vào cột "${UNIT_TEXT.communeHeader}".`),
    p(''),
    h('3. MỤC TIÊU GIẢM NGHÈO: KHI NÀO "ĐẠT"'),
    p(
      `• Đạt khi số hộ nghèo giảm từ ${poor} trở lên so với đầu kỳ (giảm đúng ${poor} là đạt), ` +
        `HOẶC tổng số hộ nghèo và hộ cận nghèo giảm NHIỀU HƠN ${combined} so với đầu kỳ (giảm đúng ${combined} là chưa đạt).`,
    ),
    p(
      '• Cách tính: tỷ lệ giảm hộ nghèo = (hộ nghèo đầu kỳ − hộ nghèo năm nay) / hộ nghèo đầu kỳ; ' +
        'tỷ lệ giảm hộ nghèo và cận nghèo = (tổng đầu kỳ − tổng năm nay) / tổng đầu kỳ.',
    ),
    p(
      `• Tiến độ = tỷ lệ đã đạt so với mục tiêu (giảm hộ nghèo chia ${poor}, hoặc giảm hộ nghèo và cận nghèo chia ${combined}, lấy số lớn hơn), tối đa 100 %.`,
    ),
    p('• Xã không có hộ nghèo và hộ cận nghèo ở đầu kỳ được tính là đạt nếu năm nay vẫn không có hộ nghèo, hộ cận nghèo.'),
    p(''),
    h('4. XÃ SÁP NHẬP'),
    p(
      `• Khi một xã sáp nhập vào xã khác: ở dòng của xã bị sáp nhập, chọn xã nhận sáp nhập trong cột "${UNIT_TEXT.mergedIntoHeader}" ` +
        `và năm cuối cùng xã đó còn báo cáo trong cột "${UNIT_TEXT.mergedYearHeader}". Từ năm sau, xã đó không còn phải nhập số liệu.`,
    ),
    p('• Xã nhận sáp nhập được so sánh với số liệu đầu kỳ của chính nó cộng số liệu đầu kỳ của các xã sáp nhập vào.'),
    p('• Không xóa dòng của xã đã sáp nhập: số liệu các năm trước vẫn được tính.'),
    p(''),
    h('5. TIÊU CHÍ VÀ ĐỀ CỬ KHEN THƯỞNG'),
    p(`• Bảng "${UNIT_TEXT.criteriaTitle}": chọn Có/Không cho từng tiêu chí và nhập số liệu theo từng năm.`),
    p(
      `• Bảng "${UNIT_TEXT.nominationsTitle}": mỗi dòng một đề cử (năm, loại, tên tập thể/cá nhân, xã hoặc đơn vị, ` +
        'tóm tắt thành tích, hình thức đề nghị chọn trong danh mục). Đề cử thiếu tóm tắt thành tích sẽ không được xét.',
    ),
    p(''),
    h('6. KIỂM TRA VÀ NỘP BÁO CÁO'),
    p(
      '• Mở menu Tiện ích mở rộng → Vì người nghèo để mở thanh bên. Bấm "Kiểm tra số liệu": mỗi lỗi được ghi rõ ô và cách sửa; ' +
        'bấm vào lỗi để chuyển tới ô đó.',
    ),
    p(
      `• Khi hết lỗi, bấm "Nộp báo cáo năm". Hạn nộp: trước ngày ${deadline} hằng năm; báo cáo nộp từ ngày ${deadline} trở đi là trễ hạn ` +
        `(giờ ${config.deadline.timeZone}). Dòng trạng thái ở đầu trang của đơn vị cho biết đã nộp lúc nào, ai nộp.`,
    ),
    p(''),
    h('7. CÁN BỘ TỔNG HỢP CỦA TỈNH'),
    p(
      `• Sửa trang "${SHEET.config}" (thêm e-mail cán bộ của từng đơn vị, thêm xã, đổi mục tiêu), ` +
        'rồi chạy menu Vì người nghèo → Khởi tạo / cập nhật sổ. Lệnh này chỉ thêm những gì còn thiếu và viết lại công thức, ' +
        'không xóa số liệu đã nhập.',
    ),
    p('• Chạy lệnh tổng hợp để ghi trang tổng hợp toàn tỉnh và danh sách đề xuất khen thưởng; ý kiến, quyết định đã ghi được giữ lại.'),
    p(''),
    h('8. CẦN HỖ TRỢ'),
    p(
      '• Liên hệ Ban Thi đua - Khen thưởng (Sở Nội vụ) hoặc Sở Lao động - Thương binh và Xã hội; ' +
        `e-mail cán bộ tổng hợp ghi trên trang "${SHEET.config}", bảng "CÁN BỘ TỔNG HỢP (E-MAIL)".`,
    ),
  ];
}

/** Writes the guide in column A (one setValues), headings in bold. */
export function writeGuideSheet(sheet: Sheet, config: Config): void {
  const lines = guideLines(config);
  if (sheet.getLastRow() > 0) sheet.clear();
  const maxRows = sheet.getMaxRows();
  if (maxRows < lines.length) sheet.insertRowsAfter(maxRows, lines.length - maxRows);
  const column = sheet.getRange(1, 1, lines.length, 1);
  column.setValues(lines.map((l) => [asText(l.text)]));
  column.setFontWeights(lines.map((l) => [l.heading ? 'bold' : 'normal']));
  column.setFontColors(lines.map((l) => [l.heading ? '#1c4587' : null]));
  column.setWrap(true).setVerticalAlignment('top');
  sheet.getRange(1, 1).setFontSize(14);
  sheet.setColumnWidth(1, 900);
}
