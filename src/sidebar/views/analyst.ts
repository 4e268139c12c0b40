// Analysts: completeness of all units with approve / return, and the provincial consolidation.
import { callServer } from '../api';
import type { Card, ViewContext } from '../context';
import { button, fill, h, messageRegion, say, uid, whileBusy } from '../dom';
import type { CompletenessRow } from '../../shared/sidebarContract';
import { int, TIMELINESS_LABEL } from '../text';
import { lowerFirst } from '../../core/reportWords';
import { EVENT_LIMITS } from '../../core/submissionRecord';

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

/** Where the outcome of an action on a row is said: its own line, then the card's. */
interface RowMessages {
  local: HTMLElement;
  card: HTMLElement;
}

/** Shows the server's answer to an approve or a return of `unit`'s report. */
function afterReview(
  ctx: ViewContext,
  unit: string,
  done: string,
  msg: RowMessages,
  r: Awaited<ReturnType<typeof callServer<'sidebarApproveReport'>>>,
): void {
  if (!ctx.live()) return;
  if (!r.ok) return say(msg.local, 'error', r.message);
  ctx.setSubmission(unit, r.value);
  say(msg.card, 'ok', `${done} báo cáo của ${unit}.`);
  msg.card.focus();
}

/** The "Trả lại" form of one row: a required reason, confirm or cancel. */
function returnForm(
  ctx: ViewContext,
  row: CompletenessRow,
  msg: RowMessages,
  onCancel: () => void,
): { el: HTMLElement; open(): void } {
  const reasonId = uid('reason');
  const reasonError = h('div', { class: 'field-error', id: `${reasonId}-error` });
  const reason = h('textarea', {
    id: reasonId,
    rows: 2,
    maxlength: EVENT_LIMITS.reason,
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
      callServer('sidebarReturnReport', row.unit, ctx.state.year, text),
    ).then((r) => afterReview(ctx, row.unit, 'Đã trả lại', msg, r));
  });
  const cancel = button('Hủy', 'secondary', () => {
    el.hidden = true;
    onCancel();
  });
  const el = h(
    'div',
    { class: 'return-form', hidden: true },
    h('label', { for: reasonId }, `Lý do trả lại báo cáo của ${row.unit}`),
    reason,
    reasonError,
    h('div', { class: 'row' }, send, cancel),
  );
  return {
    el,
    open() {
      el.hidden = false;
      reason.focus();
    },
  };
}

/** The row under a submitted report: approve it, or return it with a reason. */
function actionsRow(ctx: ViewContext, row: CompletenessRow, cardMsg: HTMLElement): HTMLElement {
  const msg: RowMessages = { local: messageRegion(), card: cardMsg };
  const approve = button('Duyệt', 'primary', () => {
    say(msg.local, null);
    void whileBusy([approve, giveBack], 'Đang duyệt…', () =>
      callServer('sidebarApproveReport', row.unit, ctx.state.year),
    ).then((r) => afterReview(ctx, row.unit, 'Đã duyệt', msg, r));
  });
  approve.setAttribute('aria-label', `Duyệt báo cáo của ${row.unit}`);
  const form = returnForm(ctx, row, msg, () => {
    buttons.hidden = false;
    giveBack.focus();
  });
  const giveBack = button('Trả lại', 'secondary', () => {
    say(msg.local, null);
    buttons.hidden = true;
    form.open();
  });
  giveBack.setAttribute('aria-label', `Trả lại báo cáo của ${row.unit}`);
  const askOfficial =
    row.submission.figures === 'preliminary' && !row.submission.officialRequested
      ? button('Đề nghị số liệu chính thức', 'secondary', () => {
          say(msg.local, null);
          void whileBusy([askOfficial!], 'Đang gửi đề nghị…', () =>
            callServer('sidebarRequestOfficial', row.unit, ctx.state.year),
          ).then((r) =>
            afterReview(ctx, row.unit, 'Đã đề nghị nộp số liệu chính thức cho', msg, r),
          );
        })
      : null;
  askOfficial?.setAttribute('aria-label', `Đề nghị ${row.unit} nộp số liệu chính thức`);
  const buttons = h('div', { class: 'row' }, approve, giveBack, askOfficial);
  const cell = h('td', { colspan: 3 });
  fill(cell, buttons, form.el, msg.local);
  return h('tr', { class: 'actions' }, cell);
}

/** One unit's line: name, communes reported / expected, timeliness and review state. */
function unitRow(row: CompletenessRow): HTMLElement {
  const short = row.reported < row.expected;
  const reviewLabel = REVIEW_LABEL[row.submission.status];
  return h(
    'tr',
    { class: row.submission.status === 'submitted' ? 'has-actions' : null },
    h('th', { scope: 'row' }, row.unit),
    // An agency has no rows to report: a dash, not "0/0".
    row.expected === 0
      ? h('td', { class: 'num', title: 'Cơ quan, tổ chức: không có số liệu hộ nghèo' }, '—')
      : h(
          'td',
          { class: short ? 'num warn-text' : 'num' },
          `${int(row.reported)}/${int(row.expected)}`,
        ),
    h(
      'td',
      null,
      h('span', { class: TIMELINESS_CHIP[row.status] }, TIMELINESS_LABEL[row.status]),
      reviewLabel ? h('div', { class: 'small' }, reviewLabel) : null,
      row.submission.figures === 'preliminary'
        ? h(
            'div',
            { class: 'small' },
            row.submission.officialRequested ? 'Sơ bộ, đã đề nghị chính thức' : 'Số liệu sơ bộ',
          )
        : null,
    ),
  );
}

function countsOf(all: CompletenessRow[]): Record<CompletenessRow['status'], number> {
  const count = (s: CompletenessRow['status']): number => all.filter((r) => r.status === s).length;
  return { on_time: count('on_time'), late: count('late'), missing: count('missing') };
}

function statsOf(all: CompletenessRow[]): HTMLElement[] {
  const n = countsOf(all);
  return [
    stat(`${int(n.on_time + n.late)}/${int(all.length)}`, 'đã nộp', ''),
    stat(int(n.on_time), 'đúng hạn', 'ok'),
    stat(int(n.late), 'muộn', n.late ? 'warn' : ''),
    stat(int(n.missing), 'chưa nộp', n.missing ? 'bad' : ''),
  ];
}

function totalRow(all: CompletenessRow[]): HTMLElement {
  const n = countsOf(all);
  const expected = all.reduce((s, r) => s + r.expected, 0);
  const reported = all.reduce((s, r) => s + r.reported, 0);
  return h(
    'tr',
    null,
    h('th', { scope: 'row' }, 'Tổng'),
    h('td', { class: 'num' }, `${int(reported)}/${int(expected)}`),
    h('td', null, `${int(n.on_time + n.late)}/${int(all.length)} đã nộp`),
  );
}

function completenessTable(ctx: ViewContext, body: HTMLElement, foot: HTMLElement): HTMLElement {
  const { year, words } = ctx.state;
  const head = h(
    'tr',
    null,
    h('th', { scope: 'col' }, 'Đơn vị'),
    h(
      'th',
      {
        scope: 'col',
        class: 'num',
        title: `Số ${words.row} đã báo cáo / số ${words.row} phải báo cáo`,
      },
      `Số ${words.row}`,
    ),
    h('th', { scope: 'col' }, 'Nộp'),
  );
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'completeness' },
      h('caption', { class: 'sr-only' }, `Tình hình nộp báo cáo năm ${year} của các đơn vị`),
      h('thead', null, head),
      body,
      foot,
    ),
  );
}

/** The button that consolidates the province for the year, with its message. */
function consolidateControls(ctx: ViewContext): HTMLElement[] {
  const { year, words } = ctx.state;
  const msg = messageRegion();
  const run = button(`Tổng hợp ${lowerFirst(words.provinceRow)} năm ${year}`, 'primary', () => {
    say(msg, null);
    void whileBusy([run], 'Đang tổng hợp…', () => callServer('sidebarConsolidate', year)).then(
      (r) => {
        if (!ctx.live()) return;
        say(msg, r.ok ? 'ok' : 'error', r.ok ? r.value.message : r.message);
      },
    );
  });
  return [run, msg];
}

/** Daily reminders by e-mail: whether they are on, who owns them, and the button that switches. */
function reminderControls(ctx: ViewContext): HTMLElement {
  const status = h('p', { class: 'small' });
  const msg = messageRegion();
  let view = ctx.state.reminders ?? { on: false, owner: null };
  const toggle = button('', 'secondary', () => {
    say(msg, null);
    const wanted = !view.on;
    void whileBusy([toggle], wanted ? 'Đang bật…' : 'Đang tắt…', () =>
      callServer('sidebarSetReminders', wanted),
    ).then((r) => {
      if (!ctx.live()) return;
      if (!r.ok) return say(msg, 'error', r.message);
      view = { on: r.value.on, owner: r.value.owner };
      show();
      say(msg, 'ok', r.value.message);
    });
  });
  function show(): void {
    status.textContent = view.on
      ? `Nhắc hạn qua e-mail: đang bật${view.owner ? ` (do ${view.owner} phụ trách)` : ''}.`
      : 'Nhắc hạn qua e-mail: đang tắt.';
    toggle.textContent = view.on ? 'Tắt nhắc hạn' : 'Bật nhắc hạn';
  }
  show();
  return h('div', { class: 'reminders' }, status, toggle, msg);
}

export function analystCard(ctx: ViewContext): Card {
  const { year } = ctx.state;
  const stats = h('div', { class: 'stats' });
  const body = h('tbody');
  const foot = h('tfoot');
  const msg = messageRegion();

  function update(): void {
    const all = ctx.state.completeness ?? [];
    fill(stats, ...statsOf(all));
    fill(body);
    for (const row of all) {
      body.appendChild(unitRow(row));
      if (row.submission.status === 'submitted') body.appendChild(actionsRow(ctx, row, msg));
    }
    fill(foot, totalRow(all));
  }

  const el = h(
    'section',
    { class: 'card', 'aria-labelledby': 'province-title' },
    h('h2', { id: 'province-title' }, `${ctx.state.words.provinceRow} năm ${year}`),
    stats,
    completenessTable(ctx, body, foot),
    msg,
    ...consolidateControls(ctx),
    reminderControls(ctx),
  );
  update();
  return { el, update };
}
