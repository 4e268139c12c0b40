// For analysts' own tools and the CLI: the figures of the last consolidation of a year as JSON
// (summary.json and shortlist.json of PRODUCT.md), computed from the tabs as they are now.
import { consolidateValidated } from '../core/consolidate';
import type { ShortlistEntry, Summary } from '../core/types';
import { readConfig } from '../sheets/configTab';
import { identifyCaller } from './access';
import type { ApprovalMismatch } from '../sheets/approvalLedger';
import { checkApprovals, LAST_RUN_KEY, readWorkbook } from './consolidate';

/** summary.json: the consolidation's summary and the approvals the tripwire doubts. */
export type ExportedSummary = Summary & { approvalMismatches: ApprovalMismatch[] };

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
  const result = consolidateValidated(
    read.config,
    readWorkbook(ss, read.config),
    yearIn,
    generatedAt,
  );
  const summary = { ...result.summary, approvalMismatches: checkApprovals(ss, read.config) };
  return { ok: true, summary, shortlist: result.shortlist };
}
