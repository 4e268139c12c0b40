// What the sidebar shows: the state of a unit and year (progress, submission, completeness of
// all units for analysts), built from the tabs and the document properties.
import { rowNoun, type Config } from '../core/config';
import { daysLeft, deadlineInstant, localYear, reportStatus } from '../core/deadline';
import { unitCompleteness, unitYearFigures } from '../core/figures';
import { sameName } from '../core/names';
import type { Submission } from '../core/types';
import type { ValidatedUnit } from '../core/validate';
import type {
  CompletenessRow,
  ProblemView,
  SidebarState,
  SubmissionView,
  TargetProgress,
} from '../shared/sidebarContract';
import { NOMINATION_TYPES } from '../sheets/layout';
import { readUnit } from '../sheets/readUnits';
import { isOnTime } from '../sheets/statusLine';
import {
  findSubmission,
  parseOfficialRequests,
  parseSubmissions,
  type OfficialRequest,
} from '../sheets/submissions';
import { reminderStatus } from './reminders';
import { ACCESS_DENIED, UNKNOWN_USER, type Caller } from './access';
import { targetUnit, type Failure, type Session, type Target } from './sidebarGuards';

export function submissionView(
  config: Config,
  s: Submission | undefined,
  request: OfficialRequest | null = null,
): SubmissionView {
  if (!s) return { status: 'not_submitted' };
  const view: SubmissionView = {
    status: s.status,
    submittedAt: s.submittedAt,
    email: s.email,
    onTime: isOnTime(config, s),
  };
  if (s.reviewedAt) view.reviewedAt = s.reviewedAt;
  if (s.reviewedBy) view.reviewedBy = s.reviewedBy;
  if (s.status === 'returned' && s.returnReason) view.returnReason = s.returnReason;
  if (s.figures) view.figures = s.figures;
  if (s.document) view.document = { ...s.document };
  // Pending while the latest submission (before or after the request) is not official.
  if (request && s.figures !== 'official') view.officialRequested = { ...request };
  return view;
}

export const problemViews = (
  problems: readonly { sheet: string; cell: string; message: string; year?: number }[],
): ProblemView[] =>
  problems.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    message: p.message,
    ...(p.year === undefined ? {} : { year: p.year }),
  }));

/** The unit's progress for the sidebar: its summary row, as far as the sidebar shows it. */
function progressView(config: Config, v: ValidatedUnit, year: number): TargetProgress {
  const row = unitYearFigures(config, v, year).row;
  return {
    poorBaseline: row.poorBaseline,
    nearPoorBaseline: row.nearPoorBaseline,
    poor: row.poor,
    nearPoor: row.nearPoor,
    poorReduction: row.poorReduction,
    combinedReduction: row.combinedReduction,
    progress: row.progress,
    attained: row.attained,
    provisional: row.provisional,
    communes: row.communes,
    communesReported: row.communesReported,
  };
}

function completenessRows(
  config: Config,
  units: ValidatedUnit[],
  submissions: Submission[],
  requests: Map<string, OfficialRequest>,
  year: number,
): CompletenessRow[] {
  return units.map((v) => {
    const entry = unitCompleteness(config, v).find((c) => c.year === year);
    return {
      unit: v.unit,
      expected: entry?.expected ?? 0,
      reported: entry?.reported ?? 0,
      status: reportStatus(config, submissions, v.unit, year),
      submission: submissionView(
        config,
        findSubmission(submissions, v.unit, year),
        requests.get(v.unit) ?? null,
      ),
    };
  });
}

/** The current year of the period in local time (clamped to the period). */
export function defaultYear(config: Config): number {
  const year = localYear(config.deadline.utcOffsetMinutes, new Date().toISOString());
  const years = config.years;
  return Math.min(Math.max(year, years[0]), years[years.length - 1]);
}

function baseState(config: Config, caller: Caller, year: number): SidebarState {
  return {
    role: caller.role,
    email: caller.email,
    ...(caller.role === 'unknown'
      ? { accessMessage: caller.email ? ACCESS_DENIED : UNKNOWN_USER }
      : {}),
    units: caller.units.map((u) => u.name),
    unit: null,
    years: [...config.years],
    year,
    deadline: deadlineInstant(config, year).toISOString(),
    daysLeft: daysLeft(config, year, new Date().toISOString()),
    progress: null,
    targets: { ...config.targets },
    submission: { status: 'not_submitted' },
    awards: config.awards.map((a) => ({ name: a.name, authority: a.authority })),
    nominationTypes: [...NOMINATION_TYPES],
    communes: [],
    words: {
      provinceRow: config.words.provinceRow,
      rowLevel: config.words.rowLevel,
      row: rowNoun(config.words),
    },
  };
}

/** The unit shown: the one asked for (if the caller may), else the caller's own or the active tab's. */
export function shownUnit(session: Session, unitIn: unknown): Target | null | Failure {
  const { caller, config, ss } = session;
  if (caller.role === 'unknown') return null;
  if (typeof unitIn === 'string') return targetUnit(session, unitIn);
  if (caller.role === 'district') return targetUnit(session, caller.units[0].name);
  const active = ss.getActiveSheet().getName();
  const i = Math.max(
    0,
    config.units.findIndex((u) => sameName(u.tab, active)),
  );
  return { index: i, name: config.units[i].name };
}

export function stateFor(session: Session, target: Target | null, year: number): SidebarState {
  const { ss, config, caller } = session;
  const state = baseState(config, caller, year);
  // The submissions, requests for official figures and the reminder switch: one read.
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const submissions = parseSubmissions(properties);
  const requests = parseOfficialRequests(properties, year);
  const analyst = caller.role === 'analyst';
  // Analysts see every unit: each tab is read and validated once, the shown unit's reused.
  const units = analyst
    ? config.units.map((_, i) => readUnit(ss, config, i, submissions).validated)
    : [];
  if (target) {
    const validated = analyst
      ? units[target.index]
      : readUnit(ss, config, target.index, submissions).validated;
    state.unit = target.name;
    // An agency has no poverty figures: no progress ("Chưa đạt", "0/0 xã" would say otherwise).
    if (config.units[target.index].kind !== 'agency')
      state.progress = progressView(config, validated, year);
    state.submission = submissionView(
      config,
      findSubmission(submissions, target.name, year),
      requests.get(target.name) ?? null,
    );
    state.communes = [...config.units[target.index].communes];
  }
  if (analyst) {
    state.completeness = completenessRows(config, units, submissions, requests, year);
    state.reminders = reminderStatus(properties);
  }
  return state;
}
