// The year's report: its state (not submitted / submitted / approved / returned with the
// reason) and the submit button with its confirm step, disabled while known errors remain.
import { callServer } from '../api';
import type { Card, ViewContext } from '../context';
import { button, fill, h, messageRegion, say, uid, whileBusy } from '../dom';
import type { FiguresKind, SubmissionView, SubmitDetails } from '../../shared/sidebarContract';
import { int, reviewedLine, SUBMISSION_LABEL, submittedLine } from '../text';
import { DRIVE_LINK } from '../../core/narrativeDocument';
import { EVENT_LIMITS } from '../../core/submissionRecord';

const FIGURES_LABEL = { preliminary: 'sơ bộ', official: 'chính thức' } as const;

const CHIP: Record<SubmissionView['status'], string> = {
  not_submitted: 'chip',
  submitted: 'chip chip-info',
  approved: 'chip chip-ok',
  returned: 'chip chip-bad',
};

function statusView(s: SubmissionView, year: number): HTMLElement {
  const box = h(
    'div',
    { class: 'status' },
    h('span', { class: CHIP[s.status] }, SUBMISSION_LABEL[s.status]),
  );
  if (s.status === 'not_submitted') {
    box.appendChild(h('p', { class: 'muted small' }, `Báo cáo năm ${year} chưa được nộp.`));
    return box;
  }
  box.appendChild(h('p', { class: 'small' }, submittedLine(s)));
  if (s.figures)
    box.appendChild(h('p', { class: 'small' }, `Số liệu: ${FIGURES_LABEL[s.figures]}.`));
  if (s.document) {
    const d = s.document;
    // The server accepts only Drive/Docs links; a record changed by hand shows its link as text.
    const link = DRIVE_LINK.test(d.link)
      ? h('a', { href: d.link, target: '_blank', rel: 'noopener noreferrer' }, 'mở báo cáo')
      : d.link;
    box.appendChild(
      h('p', { class: 'small' }, `Báo cáo thuyết minh số ${d.number}, ngày ${d.date}: `, link),
    );
  }
  if (s.officialRequested)
    box.appendChild(
      h(
        'div',
        { class: 'reason', role: 'note' },
        `Cán bộ tổng hợp (${s.officialRequested.by}) đề nghị nộp lại báo cáo với số liệu chính thức sau rà soát hộ nghèo. Sửa số liệu rồi nộp lại, chọn "Số liệu chính thức"; thời hạn vẫn tính theo lần nộp đầu.`,
      ),
    );
  const reviewed = reviewedLine(s);
  if (reviewed) box.appendChild(h('p', { class: 'small' }, reviewed));
  if (s.status === 'returned') {
    box.appendChild(
      h(
        'div',
        { class: 'reason', role: 'note' },
        h('strong', null, 'Lý do trả lại: '),
        s.returnReason || '(không ghi lý do)',
        h('div', { class: 'small' }, 'Sửa theo lý do trên, kiểm tra lại dữ liệu rồi nộp lại.'),
      ),
    );
  }
  return box;
}

/** Why the button is disabled, or a reminder to check first; null when the check found nothing. */
function submitHint(ctx: ViewContext, id: string): HTMLElement | null {
  const problems = ctx.problems();
  if (problems === null)
    return h('p', { class: 'hint', id }, 'Nên bấm "Kiểm tra dữ liệu" trước khi nộp.');
  if (problems.length === 0) return null;
  return h(
    'p',
    { class: 'hint hint-error', id },
    `Chưa nộp được: lần kiểm tra gần nhất còn ${int(problems.length)} lỗi. ` +
      'Sửa các ô trong danh sách ở mục "Kiểm tra dữ liệu" rồi kiểm tra lại.',
  );
}

/** What sending a report again does to its time (and its timeliness once the deadline passed). */
function againNote(ctx: ViewContext): HTMLElement | null {
  const current = ctx.state.submission;
  if (current.status !== 'submitted') return null;
  return h(
    'p',
    { class: 'hint' },
    'Nộp lại sẽ ghi thời điểm nộp mới' +
      (current.onTime && ctx.state.daysLeft < 0 ? ' và bị tính là nộp muộn.' : '.'),
  );
}

/** A labelled text field. */
function field(
  label: string,
  attrs: Record<string, string | number>,
): {
  el: HTMLElement;
  input: HTMLInputElement;
} {
  const id = uid('field');
  const input = h('input', { id, type: 'text', ...attrs });
  return { el: h('div', { class: 'field' }, h('label', { for: id }, label), input), input };
}

/** The figures' kind (sơ bộ / chính thức) and the narrative report; the server checks them. */
function detailsForm(): { el: HTMLElement; value(): SubmitDetails } {
  const name = uid('figures');
  const radio = (value: FiguresKind, label: string, checked: boolean) => {
    const id = uid('figures');
    const input = h('input', { id, type: 'radio', name, value });
    input.checked = checked;
    return { input, el: h('div', null, input, h('label', { for: id }, label)) };
  };
  const preliminary = radio('preliminary', 'Số liệu sơ bộ', true);
  const official = radio('official', 'Số liệu chính thức (sau rà soát hộ nghèo)', false);
  const number = field('Số văn bản báo cáo', { maxlength: EVENT_LIMITS.number });
  const date = field('Ngày văn bản (dd/mm/yyyy)', { maxlength: EVENT_LIMITS.date });
  const link = field('Đường dẫn Google Drive của báo cáo', {
    maxlength: EVENT_LIMITS.link,
    placeholder: 'drive.google.com/…',
  });
  const el = h(
    'div',
    { class: 'details' },
    h('fieldset', null, h('legend', null, 'Số liệu nộp là'), preliminary.el, official.el),
    number.el,
    date.el,
    link.el,
  );
  return {
    el,
    value() {
      const doc = { number: number.input.value, date: date.input.value, link: link.input.value };
      const any = doc.number.trim() || doc.date.trim() || doc.link.trim();
      return {
        figures: official.input.checked ? 'official' : 'preliminary',
        document: any ? doc : null,
      };
    },
  };
}

/** The confirm step: "Nộp báo cáo" sends, "Hủy" goes back to `back`. */
function confirmStep(
  ctx: ViewContext,
  msg: HTMLElement,
  back: () => void,
): { el: HTMLElement; open(): void } {
  const { year } = ctx.state;
  const unit = ctx.state.unit ?? '';
  const close = () => {
    el.hidden = true;
    back();
  };
  const form = detailsForm();
  const yes = button('Nộp báo cáo', 'primary', () => {
    void whileBusy([yes, no], 'Đang nộp…', () =>
      callServer('sidebarSubmitReport', unit, year, form.value()),
    ).then((r) => {
      if (!ctx.live()) return;
      if (r.ok) {
        ctx.setSubmission(unit, r.value);
        say(msg, 'ok', `Đã nộp báo cáo năm ${year}.`);
        return msg.focus();
      }
      say(msg, 'error', r.message);
      if (!r.problems) return close();
      ctx.setProblems(r.problems);
      msg.focus();
    });
  });
  const no = button('Hủy', 'secondary', close);
  const question = `Xác nhận nộp báo cáo năm ${year} của ${unit}?`;
  const el = h(
    'div',
    { class: 'confirm', role: 'group', 'aria-label': question, hidden: true },
    h('p', null, question),
    form.el,
    h('div', { class: 'row' }, yes, no),
  );
  return {
    el,
    open() {
      el.hidden = false;
      yes.focus();
    },
  };
}

export function submissionCard(ctx: ViewContext): Card {
  const { year } = ctx.state;
  const status = h('div');
  const controls = h('div', { class: 'controls' });
  const msg = messageRegion();
  const hintId = uid('submit-hint');

  function drawControls(): void {
    const s = ctx.state.submission.status;
    // An approved report is final (the server refuses it); one awaiting review may be sent again.
    if (s === 'approved') return fill(controls);
    const hint = submitHint(ctx, hintId);
    const label = s === 'not_submitted' ? `Nộp báo cáo năm ${year}` : `Nộp lại báo cáo năm ${year}`;
    const submit = button(label, s === 'submitted' ? 'secondary' : 'primary', () => {
      say(msg, null);
      submit.hidden = true;
      confirm.open();
    });
    const confirm = confirmStep(ctx, msg, () => {
      submit.hidden = false;
      submit.focus();
    });
    submit.disabled = (ctx.problems()?.length ?? 0) > 0;
    if (hint) submit.setAttribute('aria-describedby', hintId);
    fill(controls, againNote(ctx), hint, submit, confirm.el);
  }

  function update(): void {
    fill(status, statusView(ctx.state.submission, year));
    drawControls();
  }

  const el = h(
    'section',
    { class: 'card', 'aria-labelledby': 'submit-title' },
    h('h2', { id: 'submit-title' }, `Báo cáo năm ${year}`),
    status,
    controls,
    msg,
  );
  update();
  return { el, update };
}
