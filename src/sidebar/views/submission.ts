// The year's report: its state (not submitted / submitted / approved / returned with the
// reason) and the submit button with its confirm step, disabled while known errors remain.
import { callServer } from '../api';
import type { Card, ViewContext } from '../context';
import { button, fill, h, messageRegion, say, uid, whileBusy } from '../dom';
import type { SubmissionView } from '../../shared/sidebarContract';
import { int, reviewedLine, SUBMISSION_LABEL, submittedLine } from '../text';

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

export function submissionCard(ctx: ViewContext): Card {
  const { year } = ctx.state;
  const unit = ctx.state.unit ?? '';
  const status = h('div');
  const controls = h('div', { class: 'controls' });
  const msg = messageRegion();
  const hintId = uid('submit-hint');

  function drawControls(): void {
    const current = ctx.state.submission;
    const s = current.status;
    // An approved report is final (the server refuses it); one awaiting review may be sent again.
    if (s === 'approved') {
      fill(controls);
      return;
    }
    const problems = ctx.problems();
    const blocked = problems !== null && problems.length > 0;
    const label = s === 'not_submitted' ? `Nộp báo cáo năm ${year}` : `Nộp lại báo cáo năm ${year}`;
    const again =
      s === 'submitted'
        ? h(
            'p',
            { class: 'hint' },
            'Nộp lại sẽ ghi thời điểm nộp mới' +
              (current.onTime && ctx.state.daysLeft < 0 ? ' và bị tính là nộp muộn.' : '.'),
          )
        : null;
    const hint = blocked
      ? h(
          'p',
          { class: 'hint hint-error', id: hintId },
          `Chưa nộp được: lần kiểm tra gần nhất còn ${int(problems.length)} lỗi. ` +
            'Sửa các ô trong danh sách ở mục "Kiểm tra dữ liệu" rồi kiểm tra lại.',
        )
      : problems === null
        ? h('p', { class: 'hint', id: hintId }, 'Nên bấm "Kiểm tra dữ liệu" trước khi nộp.')
        : null;
    const submit = button(label, s === 'submitted' ? 'secondary' : 'primary', () => {
      say(msg, null);
      submit.hidden = true;
      confirm.hidden = false;
      yes.focus();
    });
    submit.disabled = blocked;
    if (hint) submit.setAttribute('aria-describedby', hintId);

    const yes = button('Nộp báo cáo', 'primary', () => {
      void whileBusy([yes, no], 'Đang nộp…', () =>
        callServer('sidebarSubmitReport', unit, year),
      ).then((r) => {
        if (!ctx.live()) return;
        if (r.ok) {
          ctx.setSubmission(unit, r.value);
          say(msg, 'ok', `Đã nộp báo cáo năm ${year}.`);
          msg.focus();
          return;
        }
        say(msg, 'error', r.message);
        if (r.problems) {
          ctx.setProblems(r.problems);
          msg.focus();
        } else {
          confirm.hidden = true;
          submit.hidden = false;
          submit.focus();
        }
      });
    });
    const no = button('Hủy', 'secondary', () => {
      confirm.hidden = true;
      submit.hidden = false;
      submit.focus();
    });
    const question = `Xác nhận nộp báo cáo năm ${year} của ${unit}?`;
    const confirm = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-label': question, hidden: true },
      h('p', null, question),
      h('div', { class: 'row' }, yes, no),
    );
    fill(controls, again, hint, submit, confirm);
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
