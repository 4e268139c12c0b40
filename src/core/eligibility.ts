// The conditions an entry of the shortlist must meet (plan 2396, III.1), each failing one a code
// and a Vietnamese phrase: a unit's criteria (b), a commune's result (c), the form asked for.
import type { AwardConfig, Config } from './config';
import { deadlineDateText, submissionFor, timingOf } from './deadline';
import { evidenceText } from './evidence';
import type { CommuneFigures } from './figures';
import { formatDateTimeVi } from './format';
import { countedSubmission } from './submissionRecord';
import type { Criteria, DistrictRow, Submission, UnmetCode } from './types';

/** A failing condition: its code and what to say about it. */
export interface Condition {
  code: UnmetCode;
  text: string;
}

/** What the conditions found: the failing ones, the sentence saying what was met, and the result in short (for the annex's summary of achievements; '' when none). */
export interface Findings {
  unmet: Condition[];
  met: string;
  summary: string;
}

/** The yes/no criteria of plan 2396 III.1.b that the unit tab records, with their code. */
const CRITERIA: readonly {
  key: 'planIssued' | 'budgetAllocated' | 'budgetSettled' | 'reportsOnTime';
  code: UnmetCode;
  failed: string;
  label: string;
  met: string;
}[] = [
  {
    key: 'planIssued',
    code: 'plan',
    failed: 'chưa ban hành kế hoạch thực hiện phong trào',
    label: 'ban hành kế hoạch',
    met: 'đã ban hành kế hoạch thực hiện',
  },
  {
    key: 'budgetAllocated',
    code: 'budget_allocated',
    failed: 'chưa bố trí kinh phí thực hiện',
    label: 'bố trí kinh phí',
    met: 'bố trí kinh phí',
  },
  {
    key: 'budgetSettled',
    code: 'budget_settled',
    failed: 'chưa quyết toán kinh phí đúng thời gian quy định',
    label: 'quyết toán kinh phí đúng hạn',
    met: 'quyết toán đúng hạn',
  },
  {
    key: 'reportsOnTime',
    code: 'other_reports',
    failed: 'chưa thực hiện đúng hạn chế độ báo cáo định kỳ, đột xuất',
    label: 'báo cáo định kỳ, đột xuất đúng hạn',
    met: 'báo cáo định kỳ, đột xuất đúng hạn',
  },
];

/** A unit's standing in the year: its summary row, its criteria and its report's record. */
export interface UnitStanding {
  row: DistrictRow;
  criteria: Criteria | undefined;
  submissions: readonly Submission[];
}

/** The figures of the target: attained, never while provisional. */
function targetCondition(config: Config, year: number, row: DistrictRow): Condition | null {
  if (row.provisional)
    return {
      code: 'provisional',
      text: `số liệu năm ${year} của ${row.name} đang tạm tính (${row.communesReported}/${row.communes} ${config.words.rowLevel} có số liệu hợp lệ, hoặc còn lỗi), nên chưa xét được kết quả thực hiện mục tiêu`,
    };
  if (!row.attained)
    return {
      code: 'target',
      text: `${row.name} chưa đạt mục tiêu năm ${year}: ${evidenceText(row)}`,
    };
  return null;
}

/** The criteria the unit typed: each "Không" fails its own code; blanks are unknown together. */
function criteriaConditions(year: number, criteria: Criteria | undefined): Condition[] {
  const out: Condition[] = [];
  const unknown: string[] = [];
  for (const c of CRITERIA) {
    const value = criteria ? criteria[c.key] : null;
    if (value === false) out.push({ code: c.code, text: c.failed });
    else if (value !== true) unknown.push(c.label);
  }
  if (unknown.length > 0)
    out.push({
      code: 'criteria_unknown',
      text: `chưa có tiêu chí năm ${year} (${unknown.join(', ')}) trên trang của đơn vị`,
    });
  return out;
}

/** The yearly report, from the submission that counts (not from a ticked box). */
function reportCondition(
  config: Config,
  year: number,
  unit: string,
  submissions: readonly Submission[],
): { unmet: Condition | null; met: string } {
  const deadline = deadlineDateText(config, year);
  const record = submissionFor(submissions, unit, year);
  const counted = countedSubmission(record);
  if (!counted) {
    const text = record
      ? `báo cáo năm ${year} đã bị trả lại và chưa được nộp lại`
      : `chưa nộp báo cáo năm ${year} (hạn: ${deadline})`;
    return { unmet: { code: 'report_missing', text }, met: '' };
  }
  const at = formatDateTimeVi(counted.at, config.deadline.utcOffsetMinutes);
  if (timingOf(config, year, counted.at) === 'late')
    return {
      unmet: {
        code: 'report_late',
        text: `nộp báo cáo năm ${year} muộn, lúc ${at} (hạn: ${deadline})`,
      },
      met: '',
    };
  return { unmet: null, met: `nộp báo cáo năm ${year} lúc ${at} (hạn: ${deadline})` };
}

/**
 * A unit (plan 2396 III.1.b): the target, its criteria and its yearly report. An agency (III.1.a,
 * V.4) has no poverty figures, so no target: its criteria and its yearly report decide.
 */
export function unitFindings(config: Config, year: number, u: UnitStanding): Findings {
  const agency = u.row.kind === 'agency';
  const target = agency ? null : targetCondition(config, year, u.row);
  const report = reportCondition(config, year, u.row.name, u.submissions);
  const unmet = [
    ...(target ? [target] : []),
    ...criteriaConditions(year, u.criteria),
    ...(report.unmet ? [report.unmet] : []),
  ];
  if (unmet.length > 0) return { unmet, met: '', summary: '' };
  const criteria = CRITERIA.map((c) => c.met).join(', ');
  if (agency)
    return {
      unmet,
      met: `${u.row.name} (cơ quan, tổ chức; không xét chỉ tiêu giảm nghèo) năm ${year}: ${criteria}; ${report.met}.`,
      summary: `Thực hiện đầy đủ các tiêu chí thi đua năm ${year} (kế hoạch, kinh phí, chế độ báo cáo) trong phong trào.`,
    };
  const evidence = evidenceText(u.row);
  return {
    unmet,
    met: `${u.row.name} đạt mục tiêu năm ${year}: ${evidence}; ${criteria}; ${report.met}.`,
    summary: `Đạt mục tiêu giảm nghèo năm ${year}: ${evidence}; thực hiện đầy đủ các tiêu chí thi đua (kế hoạch, kinh phí, chế độ báo cáo).`,
  };
}

/** A commune's collective (plan 2396 III.1.c): valid figures that attain the target. */
export function communeFindings(
  year: number,
  commune: string,
  figures: CommuneFigures | undefined,
  /** The rows' level ("xã", "thôn"): `rowNoun(config.words)`. */
  level: string,
): Findings {
  if (!figures)
    return {
      unmet: [
        {
          code: 'provisional',
          text: `${commune} chưa có số liệu hợp lệ năm ${year}, nên chưa xác định được kết quả thực hiện mục tiêu`,
        },
      ],
      met: '',
      summary: '',
    };
  const evidence = evidenceText(figures);
  if (!figures.baselineComplete)
    return {
      unmet: [{ code: 'provisional', text: `${commune} thiếu số liệu đầu kỳ hợp lệ` }],
      met: '',
      summary: '',
    };
  if (!figures.attained)
    return {
      unmet: [{ code: 'target', text: `${commune} chưa đạt mục tiêu năm ${year}: ${evidence}` }],
      met: '',
      summary: '',
    };
  const merged = figures.predecessors.length
    ? ` (đầu kỳ gồm cả ${figures.predecessors.join(', ')} đã sáp nhập vào)`
    : '';
  return {
    unmet: [],
    met: `${commune} đạt mục tiêu năm ${year} ở cấp ${level}${merged}: ${evidence}.`,
    summary: `Đạt mục tiêu giảm nghèo năm ${year} ở cấp ${level}${merged}: ${evidence}.`,
  };
}

/** The form asked for: in the catalogue, and allowed for the subject's type on Cấu hình. */
export function formConditions(
  award: AwardConfig | undefined,
  asked: string,
  type: string,
): Condition[] {
  if (!award)
    return [
      {
        code: 'award_unknown',
        text: asked
          ? `hình thức khen thưởng "${asked}" không có trong danh mục`
          : 'hình thức khen thưởng không có trong danh mục',
      },
    ];
  if (!(award.subjectTypes as readonly string[]).includes(type))
    return [
      {
        code: 'type_not_allowed',
        text: `${award.name} không dành cho đối tượng "${type}" (trang "Cấu hình" cho phép: ${award.subjectTypes.join('; ')})`,
      },
    ];
  return [];
}
