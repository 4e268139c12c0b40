/**
 * Service error messages in the user's language (SHEETS-FACTS §14: "messages follow the user's
 * language"). Every message the emulator throws as an Apps Script `Exception` has an English
 * template (the text Google is reported to use, see docs/EMULATOR.md) and a Vietnamese one.
 * Google publishes no Vietnamese texts and none were found in public reports, so every
 * Vietnamese template is the emulator's own faithful translation (docs/EMULATOR.md marks them
 * "assumed").
 *
 * Templates hold `{0}`, `{1}`… for their arguments. The emulator's code keeps building English
 * messages (`MSG.rowsMismatch(1, 2)`, `LOCK_TIMEOUT`…); `localize(english, lang)` recognises the
 * English text against the templates and renders the same message in `lang`.
 *
 * Which language: the services' error factories (`sheetsError`, `serviceError`) ask
 * `currentLanguage()`, the language of the user running the emulator whose service was entered
 * last. Every emulated method enters its service (counts its call through `CallCounter.hit`)
 * before it can throw, and execution is synchronous, so "the last entered" is the emulator the
 * throwing method belongs to.
 */

export type Language = 'en' | 'vi';

export interface MessageTemplate {
  en: string;
  vi: string;
}

const T = {
  rowsMismatch: {
    en: 'The number of rows in the data does not match the number of rows in the range. The data has {0} but the range has {1}.',
    vi: 'Số hàng trong dữ liệu không khớp với số hàng trong dải ô. Dữ liệu có {0} hàng nhưng dải ô có {1} hàng.',
  },
  colsMismatch: {
    en: 'The number of columns in the data does not match the number of columns in the range. The data has {0} but the range has {1}.',
    vi: 'Số cột trong dữ liệu không khớp với số cột trong dải ô. Dữ liệu có {0} cột nhưng dải ô có {1} cột.',
  },
  rowsAtLeastOne: {
    en: 'The number of rows in the range must be at least 1.',
    vi: 'Số hàng trong dải ô phải ít nhất là 1.',
  },
  colsAtLeastOne: {
    en: 'The number of columns in the range must be at least 1.',
    vi: 'Số cột trong dải ô phải ít nhất là 1.',
  },
  startRowTooSmall: {
    en: 'The starting row of the range is too small.',
    vi: 'Hàng bắt đầu của dải ô quá nhỏ.',
  },
  startColTooSmall: {
    en: 'The starting column of the range is too small.',
    vi: 'Cột bắt đầu của dải ô quá nhỏ.',
  },
  outsideSheet: {
    en: 'The coordinates of the range are outside the dimensions of the sheet.',
    vi: 'Tọa độ của dải ô nằm ngoài kích thước của trang tính.',
  },
  rangeNotFound: { en: 'Range not found', vi: 'Không tìm thấy dải ô' },
  tooManyChars: {
    en: 'Your input contains more than the maximum of 50000 characters in a single cell.',
    vi: 'Nội dung bạn nhập có nhiều hơn mức tối đa 50000 ký tự trong một ô.',
  },
  sheetExists: {
    en: 'A sheet with the name "{0}" already exists. Please enter another name.',
    vi: 'Đã có một trang tính tên là "{0}". Vui lòng nhập tên khác.',
  },
  rowsOutOfBounds: {
    en: 'Those rows are out of bounds.',
    vi: 'Các hàng đó nằm ngoài phạm vi của trang tính.',
  },
  columnsOutOfBounds: {
    en: 'Those columns are out of bounds.',
    vi: 'Các cột đó nằm ngoài phạm vi của trang tính.',
  },
  deleteAllRows: {
    en: 'Sorry, it is not possible to delete all non-frozen rows.',
    vi: 'Rất tiếc, không thể xóa tất cả các hàng không cố định.',
  },
  deleteAllColumns: {
    en: 'Sorry, it is not possible to delete all non-frozen columns.',
    vi: 'Rất tiếc, không thể xóa tất cả các cột không cố định.',
  },
  freezeAllRows: {
    en: "You can't freeze all visible rows on the sheet.",
    vi: 'Bạn không thể cố định tất cả các hàng đang hiển thị trên trang tính.',
  },
  freezeAllColumns: {
    en: "You can't freeze all visible columns on the sheet.",
    vi: 'Bạn không thể cố định tất cả các cột đang hiển thị trên trang tính.',
  },
  cellLimit: {
    en: 'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    vi: 'Thao tác này sẽ làm số ô trong bảng tính vượt quá giới hạn 10000000 ô.',
  },
  protectedCell: {
    en: 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    vi: 'Bạn đang cố chỉnh sửa một ô hoặc đối tượng được bảo vệ. Vui lòng liên hệ với chủ sở hữu bảng tính để gỡ bỏ chế độ bảo vệ nếu bạn cần chỉnh sửa.',
  },
  metadataRange: {
    en: 'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    vi: 'Hiện chưa hỗ trợ thêm siêu dữ liệu nhà phát triển vào một dải ô bất kỳ. Chỉ có thể thêm siêu dữ liệu nhà phát triển vào cấp cao nhất của bảng tính, vào một trang tính hoặc vào toàn bộ một hàng hay một cột.',
  },
  partialMerge: {
    en: 'You must select all cells in a merged range to merge or unmerge them.',
    vi: 'Bạn phải chọn tất cả các ô trong một dải ô đã hợp nhất để hợp nhất hoặc hủy hợp nhất.',
  },
  invalidRangeName: {
    en: 'Invalid name "{0}". A named range name may contain only letters, digits and underscores, must not start with a digit, must not be TRUE/FALSE or look like a cell reference, and must be 1-250 characters long.',
    vi: 'Tên "{0}" không hợp lệ. Tên của dải ô được đặt tên chỉ được chứa chữ cái, chữ số và dấu gạch dưới, không được bắt đầu bằng chữ số, không được là TRUE/FALSE hay trông giống một tham chiếu ô, và phải dài từ 1 đến 250 ký tự.',
  },
  namedRangeMissing: {
    en: 'Named range "{0}" not found.',
    vi: 'Không tìm thấy dải ô được đặt tên "{0}".',
  },
  noPermission: {
    en: 'You do not have permission to perform that action.',
    vi: 'Bạn không có quyền thực hiện thao tác đó.',
  },
  domainEditConsumer: {
    en: 'Domain editing is not available for spreadsheets owned by a consumer (gmail.com) account.',
    vi: 'Không thể cho phép cả miền chỉnh sửa bảng tính do một tài khoản cá nhân (gmail.com) sở hữu.',
  },
  unprotectedOnRange: {
    en: 'Unprotected ranges can only be set on sheet protections.',
    vi: 'Chỉ có thể đặt dải ô không được bảo vệ cho chế độ bảo vệ trang tính.',
  },
  unprotectedOtherSheet: {
    en: 'Unprotected ranges must be on the protected sheet.',
    vi: 'Dải ô không được bảo vệ phải nằm trên trang tính được bảo vệ.',
  },
  moveToRowSingle: {
    en: 'The range must be a single row.',
    vi: 'Dải ô phải là một hàng duy nhất.',
  },
  moveToColumnSingle: {
    en: 'The range must be a single column.',
    vi: 'Dải ô phải là một cột duy nhất.',
  },
  deleteOnlySheet: {
    en: "You can't remove all the sheets in a document.",
    vi: 'Bạn không thể xóa tất cả các trang tính trong một tài liệu.',
  },
  sheetNameEmpty: { en: 'Sheet names cannot be empty.', vi: 'Tên trang tính không được để trống.' },
  metadataIdMissing: {
    en: 'Developer metadata not found.',
    vi: 'Không tìm thấy siêu dữ liệu nhà phát triển.',
  },
  chartNotFound: {
    en: 'The chart could not be found. Insert it before updating it.',
    vi: 'Không tìm thấy biểu đồ. Hãy chèn biểu đồ trước khi cập nhật.',
  },
  invalidConditionValue: {
    en: 'Invalid ConditionValue.userEnteredValue: {0}',
    vi: 'Giá trị điều kiện không hợp lệ (ConditionValue.userEnteredValue): {0}',
  },
  signature: {
    en: "The parameters ({0}) don't match the method signature for {1}.",
    vi: 'Các tham số ({0}) không khớp với chữ ký của phương thức {1}.',
  },
  lockTimeout: {
    en: 'Lock timeout: another process was holding the lock for too long.',
    vi: 'Hết thời gian chờ khóa: một quy trình khác đã giữ khóa quá lâu.',
  },
  propertyQuota: {
    en: 'You have exceeded the property storage quota. Please remove some properties and try again.',
    vi: 'Bạn đã vượt quá hạn mức lưu trữ thuộc tính. Vui lòng xóa bớt một số thuộc tính rồi thử lại.',
  },
  uiUnavailable: {
    en: 'Cannot call SpreadsheetApp.getUi() from this context.',
    vi: 'Không thể gọi SpreadsheetApp.getUi() từ ngữ cảnh này.',
  },
  argumentTooLarge: { en: 'Argument too large: {0}', vi: 'Đối số quá lớn: {0}' },
  invalidArgument: { en: 'Invalid argument: {0}', vi: 'Đối số không hợp lệ: {0}' },
  unterminatedQuote: { en: 'Unterminated quote', vi: 'Dấu nháy chưa được đóng' },
  illegalPatternCharacter: {
    en: "Illegal pattern character '{0}'",
    vi: "Ký tự mẫu không hợp lệ '{0}'",
  },
  invalidIsoFormat: {
    en: 'invalid ISO 8601 format: length={0}',
    vi: 'định dạng ISO 8601 không hợp lệ: độ dài={0}',
  },
  malformedTemplate: {
    en: 'Malformed HTML template: a scriptlet opened at character {0} is not closed.',
    vi: 'Mẫu HTML sai cấu trúc: đoạn mã mở ở ký tự {0} chưa được đóng.',
  },
  noHtmlFile: {
    en: 'No HTML file named {0} was found.',
    vi: 'Không tìm thấy tệp HTML nào tên là {0}.',
  },
  scriptFunctionNotFound: {
    en: 'Script function not found: {0}',
    vi: 'Không tìm thấy hàm tập lệnh: {0}',
  },
  oauthTokenUnavailable: {
    en: 'ScriptApp.getOAuthToken is not available in the emulator.',
    vi: 'ScriptApp.getOAuthToken không có trong trình mô phỏng.',
  },
  tooManyTriggers: {
    en: 'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    vi: 'Tập lệnh này có quá nhiều trình kích hoạt. Phải xóa bớt trình kích hoạt khỏi tập lệnh thì mới thêm được trình kích hoạt mới.',
  },
  clockFrequencyRequired: {
    en: 'A frequency (everyDays, everyWeeks or onMonthDay) is required when atHour or nearMinute is used.',
    vi: 'Cần chỉ định tần suất (everyDays, everyWeeks hoặc onMonthDay) khi dùng atHour hoặc nearMinute.',
  },
  clockOneSchedule: {
    en: 'A clock trigger needs exactly one schedule (after, at, atDate, everyMinutes, everyHours, everyDays, everyWeeks or onMonthDay).',
    vi: 'Trình kích hoạt theo thời gian cần đúng một lịch chạy (after, at, atDate, everyMinutes, everyHours, everyDays, everyWeeks hoặc onMonthDay).',
  },
  addonClockTooFrequent: {
    en: 'Add-ons can only use time-driven triggers that run at most once per hour.',
    vi: 'Tiện ích bổ sung chỉ được dùng trình kích hoạt theo thời gian chạy tối đa mỗi giờ một lần.',
  },
  triggerBuilderIncomplete: {
    en: 'The trigger has no event: call onOpen(), onEdit(), onChange() or onFormSubmit() before create().',
    vi: 'Trình kích hoạt chưa có sự kiện: hãy gọi onOpen(), onEdit(), onChange() hoặc onFormSubmit() trước create().',
  },
  permissionDenied: {
    en: 'You do not have permission to call {0}. Required permissions: {1}',
    vi: 'Bạn không có quyền gọi {0}. Các quyền cần có: {1}',
  },
  authorizationRequired: {
    en: 'Authorization is required to perform that action.',
    vi: 'Cần được cấp quyền để thực hiện thao tác đó.',
  },
  documentAccessDenied: {
    en: 'You do not have permission to access the requested document.',
    vi: 'Bạn không có quyền truy cập vào tài liệu được yêu cầu.',
  },
  openByIdFailed: {
    en: 'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    vi: 'Đã xảy ra lỗi không mong muốn khi lấy phương thức hoặc thuộc tính openById trên đối tượng SpreadsheetApp.',
  },
  invalidEmail: { en: 'Invalid email: {0}', vi: 'Email không hợp lệ: {0}' },
  noRecipient: {
    en: 'Failed to send email: no recipient',
    vi: 'Không gửi được email: không có người nhận',
  },
  mailQuota: {
    en: 'Service invoked too many times for one day: email.',
    vi: 'Dịch vụ đã được gọi quá nhiều lần trong một ngày: email.',
  },
} as const satisfies Record<string, MessageTemplate>;

export type MessageId = keyof typeof T;
export const MESSAGES: Readonly<Record<MessageId, MessageTemplate>> = T;

/** `render('Dữ liệu có {0}', [3])` → 'Dữ liệu có 3'. */
export function render(template: string, args: readonly unknown[] = []): string {
  return template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));
}

/** The English text of a message (what the emulator's code builds). */
export function english(id: MessageId, ...args: unknown[]): string {
  return render(MESSAGES[id].en, args);
}

/** The text of a message in a language. */
export function message(id: MessageId, lang: Language, ...args: unknown[]): string {
  return render(MESSAGES[id][lang], args);
}

interface Matcher {
  id: MessageId;
  re: RegExp;
}

/** English templates as anchored regular expressions, the longest (most specific) first. */
const MATCHERS: Matcher[] = (Object.keys(T) as MessageId[])
  .map((id) => {
    const parts = MESSAGES[id].en.split(/\{\d+\}/);
    const body = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([\\s\\S]*?)');
    return { id, re: new RegExp(`^${body}$`), literal: parts.join('').length };
  })
  .sort((a, b) => b.literal - a.literal)
  .map(({ id, re }) => ({ id, re }));

/** The same message in `lang`; a text that matches no template is returned unchanged. */
export function localize(englishText: string, lang: Language): string {
  if (lang === 'en') return englishText;
  for (const { id, re } of MATCHERS) {
    const m = re.exec(englishText);
    if (m) return message(id, lang, ...m.slice(1));
  }
  return englishText;
}

/** Which message template an English text is (undefined for none). */
export function messageIdOf(englishText: string): MessageId | undefined {
  return MATCHERS.find(({ re }) => re.test(englishText))?.id;
}

let languageSource: () => Language = () => 'en';

/** Called when an emulated service is entered: its emulator's user language becomes current. */
export function enterLanguage(source: () => Language): void {
  languageSource = source;
}

/** The language errors are thrown in now (see the module comment). */
export function currentLanguage(): Language {
  return languageSource();
}

/** An Apps Script service error: `name` 'Exception', the message in the current user's language. */
export function exception(englishText: string): Error {
  const error = new Error(localize(englishText, currentLanguage()));
  error.name = 'Exception';
  return error;
}
