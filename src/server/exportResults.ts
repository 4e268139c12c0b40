// For analysts' own tools and the CLI: the figures of the last consolidation of a year as JSON
// (summary.json and shortlist.json of PRODUCT.md), computed from the tabs as they are now.
import { consolidateValidated } from '../core/consolidate';
import { reviewOf, type Review } from '../core/review';
import type { ShortlistEntry, Summary } from '../core/types';
import { readConfig } from '../sheets/configTab';
import { readSubmissions } from '../sheets/submissions';
import { identifyCaller } from './access';
import type { ApprovalMismatch } from '../sheets/approvalLedger';
import { checkApprovals, LAST_RUN_KEY, readWorkbook } from './consolidate';

/**
 * summary.json: the consolidation's summary, the approvals the tripwire doubts and, in the
 * mid-term and final years, the `review`.
 */
export type ExportedSummary = Summary & {
  approvalMismatches: ApprovalMismatch[];
  review?: Review;
};

export function exportResults(
  yearIn: unknown,
):
  | { ok: true; summary: ExportedSummary; shortlist: ShortlistEntry[] }
  | { ok: false; message: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = readConfig(ss);
  if (!read.ok) return { ok: false, message: read.problems[0]?.message ?? 'Cấu hình có lỗi.' };
  const caller = identifyCaller(ss, read.config);
  if (caller.role !== 'analyst')
    return { ok: false, message: 'Chỉ cán bộ tổng hợp của tỉnh được xuất số liệu.' };
  if (typeof yearIn !== 'number' || !read.config.years.includes(yearIn))
    return { ok: false, message: 'Năm không hợp lệ.' };
  const lastRun = JSON.parse(
    PropertiesService.getDocumentProperties().getProperty(LAST_RUN_KEY) ?? '{}',
  ) as { year?: number; generatedAt?: string };
  const generatedAt =
    lastRun.year === yearIn && lastRun.generatedAt ? lastRun.generatedAt : new Date().toISOString();
  const submissions = readSubmissions();
  const units = readWorkbook(ss, read.config, undefined, submissions);
  const { summary, shortlist } = consolidateValidated(read.config, units, yearIn, generatedAt);
  const review = reviewOf(read.config, units, summary, shortlist);
  const approvalMismatches = checkApprovals(ss, read.config, submissions);
  const withChecks = { ...summary, approvalMismatches };
  return { ok: true, summary: review ? { ...withChecks, review } : withChecks, shortlist };
}
