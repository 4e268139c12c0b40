// Hand-written SidebarState answers for the sidebar tests and screenshots.
import type {
  CompletenessRow,
  ProblemView,
  SidebarState,
  SubmissionView,
} from '../../src/shared/sidebarContract';

export const GIA_LOC = 'Huyện Gia Lộc';
export const DISTRICT_EMAIL = 'canbo.gialoc@haiduong.gov.vn';
export const ANALYST_EMAIL = 'banthidua@haiduong.gov.vn';
export const XSS = '<img src=x onerror=alert(1)>';

export const AWARDS = [
  { name: 'Huân chương Lao động', authority: 'Chủ tịch nước' },
  { name: 'Bằng khen của Thủ tướng Chính phủ', authority: 'Thủ tướng Chính phủ' },
  {
    name: 'Bằng khen của Bộ Lao động - Thương binh và Xã hội',
    authority: 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội',
  },
  {
    name: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    authority: 'Chủ tịch Ủy ban nhân dân tỉnh',
  },
  {
    name: 'Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội',
    authority: 'Giám đốc Sở Lao động - Thương binh và Xã hội',
  },
  {
    name: 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện, thị xã, thành phố',
    authority: 'Chủ tịch Ủy ban nhân dân cấp huyện',
  },
];

export const NOMINATION_TYPES = ['Tập thể', 'Cá nhân', 'Hộ gia đình', 'Doanh nghiệp, hợp tác xã'];

export const GIA_LOC_COMMUNES = [
  'Thị trấn Gia Lộc',
  'Xã Thống Nhất',
  'Xã Yết Kiêu',
  'Xã Gia Phúc',
  'Xã Gia Tiến',
  'Xã Lê Lợi',
  'Xã Toàn Thắng',
  'Xã Hoàng Diệu',
  'Xã Hồng Hưng',
  'Xã Phạm Trấn',
  'Xã Đoàn Thượng',
  'Xã Thống Kênh',
  'Xã Nhật Quang',
  'Xã Quang Đức',
];

export const NOT_SUBMITTED: SubmissionView = { status: 'not_submitted' };

/**
 * Gia Lộc, 2025, worked out by hand: poor 1.600 → 600, so (1600 − 600) / 1600 = 0,625;
 * poor + near-poor 4.000 → 2.360, so 1640 / 4000 = 0,41; progress = max(0,625 / 0,8,
 * 0,41 / 0,5) = max(0,78125; 0,82) = 0,82. 13 of 14 communes reported: provisional.
 */
export function districtState(overrides: Partial<SidebarState> = {}): SidebarState {
  return {
    role: 'district',
    email: DISTRICT_EMAIL,
    units: [GIA_LOC],
    unit: GIA_LOC,
    years: [2022, 2023, 2024, 2025],
    year: 2025,
    // 00:00 of 30/11/2025 in Asia/Ho_Chi_Minh
    deadline: '2025-11-29T17:00:00.000Z',
    daysLeft: 12,
    progress: {
      poorBaseline: 1600,
      nearPoorBaseline: 2400,
      poor: 600,
      nearPoor: 1760,
      poorReduction: 0.625,
      combinedReduction: 0.41,
      progress: 0.82,
      attained: false,
      provisional: true,
      communes: 14,
      communesReported: 13,
    },
    targets: { poorReduction: 0.8, combinedReduction: 0.5 },
    submission: NOT_SUBMITTED,
    awards: AWARDS,
    nominationTypes: NOMINATION_TYPES,
    communes: GIA_LOC_COMMUNES,
    words: { provinceRow: 'Toàn tỉnh', rowLevel: 'xã, phường, thị trấn', row: 'xã' },
    ...overrides,
  };
}

/** Gia Lộc 2024: poor 1.600 → 380 = 76,25 %; combined 4.000 → 1.900 = 52,5 % > 50 %: attained. */
export function districtState2024(): SidebarState {
  return districtState({
    year: 2024,
    deadline: '2024-11-29T17:00:00.000Z',
    daysLeft: -353,
    progress: {
      poorBaseline: 1600,
      nearPoorBaseline: 2400,
      poor: 380,
      nearPoor: 1520,
      poorReduction: 0.7625,
      combinedReduction: 0.525,
      progress: 1,
      attained: true,
      provisional: false,
      communes: 14,
      communesReported: 14,
    },
    submission: {
      status: 'approved',
      submittedAt: '2024-11-25T03:30:00.000Z',
      email: DISTRICT_EMAIL,
      onTime: true,
      reviewedAt: '2024-12-02T08:00:00.000Z',
      reviewedBy: ANALYST_EMAIL,
    },
  });
}

export const PROBLEMS: ProblemView[] = [
  {
    sheet: GIA_LOC,
    cell: 'E7',
    message:
      'Huyện Gia Lộc!E7: số hộ nghèo (1.250) lớn hơn tổng số hộ (1.200) của Xã Yết Kiêu năm 2025.',
    year: 2025,
  },
  {
    sheet: GIA_LOC,
    cell: 'G12',
    message: 'Huyện Gia Lộc!G12: số hộ cận nghèo phải là số nguyên không âm, không phải "12,5".',
    year: 2025,
  },
];

function row(
  unit: string,
  expected: number,
  reported: number,
  status: CompletenessRow['status'],
  submission: SubmissionView,
): CompletenessRow {
  return { unit, expected, reported, status, submission };
}

const submitted = (at: string, email: string, onTime: boolean): SubmissionView => ({
  status: 'submitted',
  submittedAt: at,
  email,
  onTime,
});

/** 12 units; 9 submitted (7 on time, 2 late), 3 missing; communes 207 expected, 199 reported. */
export function completeness(): CompletenessRow[] {
  return [
    row('Thành phố Hải Dương', 24, 24, 'on_time', {
      status: 'approved',
      submittedAt: '2025-11-10T02:00:00.000Z',
      email: 'tphd@haiduong.gov.vn',
      onTime: true,
      reviewedAt: '2025-11-12T02:00:00.000Z',
      reviewedBy: ANALYST_EMAIL,
    }),
    row(
      'Thành phố Chí Linh',
      19,
      19,
      'on_time',
      submitted('2025-11-14T03:00:00.000Z', 'chilinh@haiduong.gov.vn', true),
    ),
    row(
      'Thị xã Kinh Môn',
      22,
      22,
      'late',
      submitted('2025-11-30T04:00:00.000Z', 'kinhmon@haiduong.gov.vn', false),
    ),
    row(
      'Huyện Nam Sách',
      15,
      15,
      'on_time',
      submitted('2025-11-20T01:00:00.000Z', 'namsach@haiduong.gov.vn', true),
    ),
    row('Huyện Kim Thành', 14, 14, 'on_time', {
      status: 'returned',
      submittedAt: '2025-11-08T01:00:00.000Z',
      email: 'kimthanh@haiduong.gov.vn',
      onTime: true,
      reviewedAt: '2025-11-09T01:00:00.000Z',
      reviewedBy: ANALYST_EMAIL,
      returnReason: 'Thiếu số liệu hộ cận nghèo của Xã Kim Xuyên.',
    }),
    row(
      'Huyện Thanh Hà',
      16,
      16,
      'on_time',
      submitted('2025-11-21T01:00:00.000Z', 'thanhha@haiduong.gov.vn', true),
    ),
    row(
      'Huyện Cẩm Giàng',
      15,
      15,
      'on_time',
      submitted('2025-11-22T01:00:00.000Z', 'camgiang@haiduong.gov.vn', true),
    ),
    row(
      'Huyện Bình Giang',
      15,
      15,
      'late',
      submitted('2025-12-01T01:00:00.000Z', 'binhgiang@haiduong.gov.vn', false),
    ),
    row(GIA_LOC, 14, 13, 'missing', NOT_SUBMITTED),
    row(
      'Huyện Tứ Kỳ',
      20,
      20,
      'on_time',
      submitted('2025-11-18T01:00:00.000Z', 'tuky@haiduong.gov.vn', true),
    ),
    row('Huyện Ninh Giang', 16, 12, 'missing', NOT_SUBMITTED),
    row('Huyện Thanh Miện', 17, 14, 'missing', NOT_SUBMITTED),
  ];
}

export function analystState(overrides: Partial<SidebarState> = {}): SidebarState {
  return districtState({
    role: 'analyst',
    email: ANALYST_EMAIL,
    units: completeness().map((r) => r.unit),
    unit: 'Thành phố Chí Linh',
    daysLeft: -2,
    progress: {
      poorBaseline: 2100,
      nearPoorBaseline: 2900,
      poor: 380,
      nearPoor: 1750,
      // (2100 − 380) / 2100 = 0,819047…; (5000 − 2130) / 5000 = 0,574
      poorReduction: 1720 / 2100,
      combinedReduction: 0.574,
      progress: 1,
      attained: true,
      provisional: false,
      communes: 19,
      communesReported: 19,
    },
    submission: submitted('2025-11-14T03:00:00.000Z', 'chilinh@haiduong.gov.vn', true),
    communes: ['Phường Sao Đỏ', 'Phường Phả Lại', 'Xã Hoàng Hoa Thám'],
    completeness: completeness(),
    ...overrides,
  });
}

export function unknownState(): SidebarState {
  return districtState({
    role: 'unknown',
    email: '',
    accessMessage:
      'Google không cho biết địa chỉ e-mail của bạn nên bạn chỉ được xem. Hãy đăng nhập bằng tài khoản đã ghi trong trang Cấu hình hoặc liên hệ Ban Thi đua - Khen thưởng để được cấp quyền.',
    units: [],
    unit: null,
    progress: null,
  });
}
