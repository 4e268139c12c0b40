// Analysts: completeness of all units with approve / return, and the provincial consolidation.
import { callServer } from '../api';
import type { Card, ViewContext } from '../context';
import { button, fill, h, messageRegion, say, uid, whileBusy } from '../dom';
import type { CompletenessRow } from '../../shared/sidebarContract';
import { int, TIMELINESS_LABEL } from '../text';

/** The review state, short enough for the table's last column. */
const REVIEW_LABEL: Record<CompletenessRow['submission']['status'], string | null> = {
  not_submitted: null,
  submitted: 'Chờ duyệt',
  approved: 'Đã duyệt',
  returned: 'Đã trả lại',
};

const TIMELINESS_CHIP: Record<CompletenessRow['status'], string> = {
  on_time: 'chip chip-ok',
  late: 'chip chip-warn',
  missing: 'chip chip-bad',
};

function stat(value: string, label: string, tone: string): HTMLElement {
  return h(
    'div',
    { class: `stat ${tone}` },
    h('div', { class: 'stat-value' }, value),
    h('div', { class: 'stat-label' }, label),
  );
}

export function analystCard(ctx: ViewContext): Card {
  const { year } = ctx.state;
  const rows = (): CompletenessRow[] => ctx.state.completeness ?? [];
  const stats = h('div', { class: 'stats' });
  const body = h('tbody');
  const foot = h('tfoot');
  const msg = messageRegion();

  function actionsFor(row: CompletenessRow): HTMLElement {
    const cell = h('td', { colspan: 3 });
    const local = messageRegion();
    const approve = button('Duyệt', 'primary', () => {
      say(local, null);
      void whileBusy([approve, giveBack], 'Đang duyệt…', () =>
        callServer('sidebarApproveReport', row.unit, year),
      ).then((r) => {
        if (!ctx.live()) return;
        if (r.ok) {
          ctx.setSubmission(row.unit, r.value);
          say(msg, 'ok', `Đã duyệt báo cáo của ${row.unit}.`);
          msg.focus();
        } else say(local, 'error', r.message);
      });
    });
    approve.setAttribute('aria-label', `Duyệt báo cáo của ${row.unit}`);
    const giveBack = button('Trả lại', 'secondary', () => {
      say(local, null);
      buttons.hidden = true;
      form.hidden = false;
      reason.focus();
    });
    giveBack.setAttribute('aria-label', `Trả lại báo cáo của ${row.unit}`);
    const buttons = h('div', { class: 'row' }, approve, giveBack);

    const reasonId = uid('reason');
    const reasonError = h('div', { class: 'field-error', id: `${reasonId}-error` });
    const reason = h('textarea', {
      id: reasonId,
      rows: 2,
      maxlength: 1000,
      'aria-required': 'true',
      'aria-describedby': `${reasonId}-error`,
    });
    const send = button('Xác nhận trả lại', 'primary', () => {
      const text = reason.value.trim();
      if (!text) {
        reasonError.textContent = 'Nhập lý do trả lại.';
        reason.setAttribute('aria-invalid', 'true');
        reason.focus();
        return;
      }
      reasonError.textContent = '';
      reason.removeAttribute('aria-invalid');
      void whileBusy([send, cancel], 'Đang trả lại…', () =>
        callServer('sidebarReturnReport', row.unit, year, text),
      ).then((r) => {
        if (!ctx.live()) return;
        if (r.ok) {
          ctx.setSubmission(row.unit, r.value);
          say(msg, 'ok', `Đã trả lại báo cáo của ${row.unit}.`);
          msg.focus();
        } else say(local, 'error', r.message);
      });
    });
    const cancel = button('Hủy', 'secondary', () => {
      form.hidden = true;
      buttons.hidden = false;
      giveBack.focus();
    });
    const form = h(
      'div',
      { class: 'return-form', hidden: true },
      h('label', { for: reasonId }, `Lý do trả lại báo cáo của ${row.unit}`),
      reason,
      reasonError,
      h('div', { class: 'row' }, send, cancel),
    );
    fill(cell, buttons, form, local);
    return h('tr', { class: 'actions' }, cell);
  }

  function update(): void {
    const all = rows();
    const count = (s: CompletenessRow['status']): number =>
      all.filter((r) => r.status === s).length;
    const onTime = count('on_time');
    const late = count('late');
    const missing = count('missing');
    fill(
      stats,
      stat(`${int(onTime + late)}/${int(all.length)}`, 'đã nộp', ''),
      stat(int(onTime), 'đúng hạn', 'ok'),
      stat(int(late), 'muộn', late ? 'warn' : ''),
      stat(int(missing), 'chưa nộp', missing ? 'bad' : ''),
    );
    fill(body);
    for (const row of all) {
      const short = row.reported < row.expected;
      const reviewLabel = REVIEW_LABEL[row.submission.status];
      const review = reviewLabel ? h('div', { class: 'small' }, reviewLabel) : null;
      const pending = row.submission.status === 'submitted';
      body.appendChild(
        h(
          'tr',
          { class: pending ? 'has-actions' : null },
          h('th', { scope: 'row' }, row.unit),
          h(
            'td',
            { class: short ? 'num warn-text' : 'num' },
            `${int(row.reported)}/${int(row.expected)}`,
          ),
          h(
            'td',
            null,
            h('span', { class: TIMELINESS_CHIP[row.status] }, TIMELINESS_LABEL[row.status]),
            review,
          ),
        ),
      );
      if (pending) body.appendChild(actionsFor(row));
    }
    const expected = all.reduce((s, r) => s + r.expected, 0);
    const reported = all.reduce((s, r) => s + r.reported, 0);
    fill(
      foot,
      h(
        'tr',
        null,
        h('th', { scope: 'row' }, 'Tổng'),
        h('td', { class: 'num' }, `${int(reported)}/${int(expected)}`),
        h('td', null, `${int(onTime + late)}/${int(all.length)} đã nộp`),
      ),
    );
  }

  const consolidateMsg = messageRegion();
  const consolidate = button(`Tổng hợp toàn tỉnh năm ${year}`, 'primary', () => {
    say(consolidateMsg, null);
    void whileBusy([consolidate], 'Đang tổng hợp…', () =>
      callServer('sidebarConsolidate', year),
    ).then((r) => {
      if (!ctx.live()) return;
      say(consolidateMsg, r.ok ? 'ok' : 'error', r.ok ? r.value.message : r.message);
    });
  });

  const el = h(
    'section',
    { class: 'card', 'aria-labelledby': 'province-title' },
    h('h2', { id: 'province-title' }, `Toàn tỉnh năm ${year}`),
    stats,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'completeness' },
        h('caption', { class: 'sr-only' }, `Tình hình nộp báo cáo năm ${year} của các đơn vị`),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Đơn vị'),
            h(
              'th',
              { scope: 'col', class: 'num', title: 'Số xã đã báo cáo / số xã phải báo cáo' },
              'Số xã',
            ),
            h('th', { scope: 'col' }, 'Nộp'),
          ),
        ),
        body,
        foot,
      ),
    ),
    msg,
    consolidate,
    consolidateMsg,
  );
  update();
  return { el, update };
}
