// A unit's eligibility follows plan 2396 III.1.b: the target attained, the implementation plan
// issued, the budget allocated and settled on time, the yearly report submitted before the
// deadline (from the submission record, the first submission not returned deciding) and the
// other reports on time (the row the unit ticks). One unit per unmet criterion, worked by hand.
import {
  BK_TINH,
  LATE,
  ON_TIME,
  U,
  byId,
  nom,
  shortlistOf,
  submitted,
  unitInput,
  type UnitSpec,
} from './shortlistFixture';

/** The unit's rule proposal (Bằng khen của Chủ tịch UBND tỉnh) when only that unit is filled. */
function ruleOf(u: string, id: string, spec: UnitSpec = {}) {
  return byId(shortlistOf([unitInput(u, spec)]), id);
}

describe('a unit that attained the target', () => {
  test('every criterion met and the report on time: eligible, the reason says so', () => {
    const e = ruleOf(U.ok, 'DX-2025-DV-HUYEN-AN-PHU');
    expect(e).toMatchObject({
      district: U.ok,
      type: 'Tập thể',
      name: U.ok,
      award: BK_TINH,
      authority: 'Chủ tịch Ủy ban nhân dân tỉnh',
      status: 'eligible',
      eligible: true,
      unmet: [],
      duplicateOf: null,
    });
    // Poor 50 → 9: 82 %; poor + near-poor 100 → 29: 71 %.
    expect(e.evidence).toContain('giảm 82,0% hộ nghèo so với đầu kỳ (từ 50 xuống 9 hộ)');
    expect(e.evidence).toContain('giảm 71,0% hộ nghèo và cận nghèo');
    expect(e.reason).toContain('đã ban hành kế hoạch thực hiện');
    expect(e.reason).toContain(
      'nộp báo cáo năm 2025 lúc 20/11/2025 09:00 (hạn: trước ngày 30/11/2025)',
    );
  });

  test.each([
    [
      U.plan,
      'DX-2025-DV-HUYEN-BINH-MINH',
      { planIssued: 'Không' },
      'plan',
      'chưa ban hành kế hoạch thực hiện phong trào',
    ],
    [
      U.allocated,
      'DX-2025-DV-HUYEN-CAM-THACH',
      { budgetAllocated: 'không' },
      'budget_allocated',
      'chưa bố trí kinh phí thực hiện',
    ],
    [
      U.settled,
      'DX-2025-DV-HUYEN-DONG-HOA',
      { budgetSettled: false },
      'budget_settled',
      'chưa quyết toán kinh phí đúng thời gian quy định',
    ],
    [
      U.other,
      'DX-2025-DV-HUYEN-GIA-BINH',
      { reportsOnTime: 'FALSE' },
      'other_reports',
      'chưa thực hiện đúng hạn chế độ báo cáo định kỳ, đột xuất',
    ],
    [
      U.unknown,
      'DX-2025-DV-HUYEN-HOA-LAC',
      { budgetSettled: '' },
      'criteria_unknown',
      'chưa có tiêu chí năm 2025 (quyết toán kinh phí đúng hạn)',
    ],
  ])('%s: one criterion unmet → not eligible, code and reason', (u, id, criteria, code, text) => {
    const e = ruleOf(u, id, { criteria });
    expect(e).toMatchObject({
      status: 'not_eligible',
      eligible: false,
      unmet: [code],
      duplicateOf: null,
    });
    expect(e.reason).toBe(
      `Không đủ điều kiện: ${text}${code === 'criteria_unknown' ? ' trên trang của đơn vị' : ''}.`,
    );
  });

  test('no criteria block for the year: every criterion is unknown, named together', () => {
    const e = ruleOf(U.unknown, 'DX-2025-DV-HUYEN-HOA-LAC', { criteria: null });
    expect(e.unmet).toEqual(['criteria_unknown']);
    expect(e.reason).toContain(
      'chưa có tiêu chí năm 2025 (ban hành kế hoạch, bố trí kinh phí, quyết toán kinh phí đúng hạn, báo cáo định kỳ, đột xuất đúng hạn)',
    );
  });

  test('a report made at 30/11 00:00 is late, whatever the box the unit ticked', () => {
    const e = ruleOf(U.late, 'DX-2025-DV-HUYEN-KIM-SON', {
      submissions: [submitted(U.late, LATE)],
    });
    expect(e.unmet).toEqual(['report_late']);
    expect(e.reason).toBe(
      'Không đủ điều kiện: nộp báo cáo năm 2025 muộn, lúc 30/11/2025 00:00 (hạn: trước ngày 30/11/2025).',
    );
    const justBefore = ruleOf(U.late, 'DX-2025-DV-HUYEN-KIM-SON', {
      submissions: [submitted(U.late, '2025-11-29T16:59:00.000Z')],
    });
    expect(justBefore.status).toBe('eligible');
  });

  test('no report: missing, although "reports on time" is ticked', () => {
    const e = ruleOf(U.missing, 'DX-2025-DV-HUYEN-LAC-THUY', { submissions: [] });
    expect(e.unmet).toEqual(['report_missing']);
    expect(e.reason).toBe(
      'Không đủ điều kiện: chưa nộp báo cáo năm 2025 (hạn: trước ngày 30/11/2025).',
    );
  });

  test('a returned report not submitted again is missing', () => {
    const returned = submitted(U.missing, ON_TIME, {
      status: 'returned',
      reviewedAt: '2025-11-21T02:00:00.000Z',
      reviewedBy: 'bantdkt@haiduong.gov.vn',
      returnReason: 'thiếu số liệu',
    });
    const e = ruleOf(U.missing, 'DX-2025-DV-HUYEN-LAC-THUY', { submissions: [returned] });
    expect(e.unmet).toEqual(['report_missing']);
    expect(e.reason).toContain('báo cáo năm 2025 đã bị trả lại và chưa được nộp lại');
  });

  test('the first submission not returned decides: a later resubmission of official figures does not make it late', () => {
    const history = submitted(U.late, '2025-12-03T02:00:00.000Z', {
      events: [
        { type: 'submitted', at: ON_TIME, by: 'a@x.vn', figures: 'preliminary' },
        { type: 'submitted', at: '2025-12-03T02:00:00.000Z', by: 'a@x.vn', figures: 'official' },
      ],
    });
    expect(ruleOf(U.late, 'DX-2025-DV-HUYEN-KIM-SON', { submissions: [history] }).status).toBe(
      'eligible',
    );
  });

  test('returned on time and submitted again after the deadline: late', () => {
    const history = submitted(U.late, '2025-12-01T02:00:00.000Z', {
      events: [
        { type: 'submitted', at: ON_TIME, by: 'a@x.vn' },
        { type: 'returned', at: '2025-11-25T02:00:00.000Z', by: 'b@x.vn', reason: 'thiếu' },
        { type: 'submitted', at: '2025-12-01T02:00:00.000Z', by: 'a@x.vn' },
      ],
    });
    const e = ruleOf(U.late, 'DX-2025-DV-HUYEN-KIM-SON', { submissions: [history] });
    expect(e.unmet).toEqual(['report_late']);
    expect(e.reason).toContain('lúc 01/12/2025 09:00');
  });

  test('several criteria unmet: every code, in the order of PRODUCT.md, each named', () => {
    const e = ruleOf(U.plan, 'DX-2025-DV-HUYEN-BINH-MINH', {
      criteria: { reportsOnTime: 'Không', planIssued: 'Không', budgetAllocated: '' },
      submissions: [],
    });
    expect(e.unmet).toEqual(['plan', 'report_missing', 'other_reports', 'criteria_unknown']);
    for (const text of ['kế hoạch', 'báo cáo định kỳ', 'bố trí kinh phí', 'chưa nộp báo cáo'])
      expect(e.reason).toContain(text);
  });
});

describe('a unit that did not attain, or whose figures are provisional', () => {
  test('the rules propose neither; its own nomination is not eligible: target, or provisional', () => {
    const missed = shortlistOf([
      unitInput(U.missed, {
        result: 'missed',
        nominations: [nom(U.missed, 'N1', 'Tập thể', U.missed, BK_TINH)],
      }),
    ]);
    expect(missed.filter((e) => e.id.startsWith('DX-2025-DV-'))).toEqual([]);
    // Poor 50 → 35: 30 %; poor + near-poor 100 → 78: 22 %.
    expect(byId(missed, 'N1')).toMatchObject({ status: 'not_eligible', unmet: ['target'] });
    expect(byId(missed, 'N1').reason).toContain(
      `${U.missed} chưa đạt mục tiêu năm 2025: giảm 30,0% hộ nghèo`,
    );
    const provisional = shortlistOf([
      unitInput(U.incomplete, {
        result: 'incomplete',
        nominations: [nom(U.incomplete, 'N2', 'Tập thể', U.incomplete, BK_TINH)],
      }),
    ]);
    expect(provisional.filter((e) => e.id.startsWith('DX-2025-DV-'))).toEqual([]);
    expect(byId(provisional, 'N2')).toMatchObject({
      status: 'not_eligible',
      unmet: ['provisional'],
    });
    expect(byId(provisional, 'N2').reason).toContain(
      'đang tạm tính (1/2 xã, phường, thị trấn có số liệu hợp lệ',
    );
  });
});

test('without criteria or submissions (the CLI without --criteria and --reports): criteria_unknown and report_missing', () => {
  const e = ruleOf(U.ok, 'DX-2025-DV-HUYEN-AN-PHU', { criteria: null, submissions: [] });
  expect(e.unmet).toEqual(['report_missing', 'criteria_unknown']);
});
