// The sidebar's controller: loads the state for a unit and year, draws the cards for the
// caller's role, and keeps the cards in step when a check, a submission or a review changes
// what they show.
import { callServer } from './api';
import type { Card, ViewContext } from './context';
import { button, fill, h, say, uid } from './dom';
import type { ProblemView, SidebarState, SubmissionView } from '../shared/sidebarContract';
import { deadlineText } from './text';
import { analystCard } from './views/analyst';
import { checkCard } from './views/check';
import { nominationCard } from './views/nomination';
import { progressCard } from './views/progress';
import { submissionCard } from './views/submission';

interface Pickers {
  unit?: HTMLSelectElement;
  year: HTMLSelectElement;
}

function picker(
  label: string,
  values: string[],
  selected: string,
  placeholder?: string,
): [HTMLElement, HTMLSelectElement] {
  const id = uid('pick');
  const select = h('select', { id });
  if (placeholder !== undefined) select.appendChild(h('option', { value: '' }, placeholder));
  for (const v of values) select.appendChild(h('option', { value: v }, v));
  select.value = selected;
  return [h('div', { class: 'field' }, h('label', { for: id }, label), select), select];
}

/** The unit shown: analysts pick it, district staff see their own. */
function unitField(
  state: SidebarState,
  onUnit: (unit: string) => void,
): [HTMLElement, HTMLSelectElement?] {
  if (state.role !== 'analyst') {
    return [
      h(
        'div',
        { class: 'field' },
        h('div', { class: 'label' }, 'Đơn vị'),
        h('div', { class: 'unit-name' }, state.unit ?? '—'),
      ),
    ];
  }
  const [field, select] = picker(
    'Đơn vị',
    state.units,
    state.unit ?? '',
    state.unit ? undefined : '— Chọn đơn vị —',
  );
  select.addEventListener('change', () => {
    if (select.value) onUnit(select.value);
  });
  return [field, select];
}

/** The deadline and the days left, warning in the last week and red once late. */
function deadlineLine(state: SidebarState): HTMLElement {
  const pending = state.submission.status === 'not_submitted';
  const overdue = pending && state.daysLeft < 0;
  const soon = pending && state.daysLeft >= 0 && state.daysLeft <= 7;
  return h(
    'p',
    { class: overdue ? 'deadline bad' : soon ? 'deadline warn' : 'deadline' },
    deadlineText(state.deadline, state.daysLeft),
  );
}

/** The top of the sidebar: the unit and year pickers, the deadline, the account. */
function header(
  state: SidebarState,
  onYear: (year: number) => void,
  onUnit: (unit: string) => void,
): { el: HTMLElement; pickers: Pickers } {
  const [yearField, year] = picker('Năm', state.years.map(String), String(state.year));
  year.addEventListener('change', () => onYear(Number(year.value)));
  const [unitBox, unit] = unitField(state, onUnit);
  const el = h(
    'header',
    { class: 'top' },
    h('div', { class: 'pickers' }, unitBox, yearField),
    deadlineLine(state),
    h(
      'p',
      { class: 'muted small who' },
      state.email ? `Tài khoản: ${state.email}` : 'Không xác định được tài khoản của bạn.',
    ),
  );
  return { el, pickers: unit ? { year, unit } : { year } };
}

/** The cards for the caller's role; `watchers` collects those that follow the shared state. */
function cards(
  ctx: ViewContext,
  watchers: Card[],
  onCheck: (card: ReturnType<typeof checkCard>) => void,
): HTMLElement[] {
  const { state } = ctx;
  const parts: HTMLElement[] = [];
  if (state.role === 'unknown') {
    parts.push(
      h(
        'section',
        { class: 'card notice', role: 'note' },
        h('h2', null, 'Chỉ xem'),
        h('p', null, state.accessMessage || 'Bạn chưa được cấp quyền thao tác trên sổ này.'),
      ),
    );
  }
  if (state.role === 'analyst' && state.completeness) {
    const analyst = analystCard(ctx);
    watchers.push(analyst);
    parts.push(analyst.el);
  }
  if (!state.unit) {
    if (state.role === 'district')
      parts.push(
        h('p', { class: 'msg msg-warn' }, 'Chưa xác định được đơn vị của bạn trong Cấu hình.'),
      );
    return parts;
  }
  if (state.role === 'analyst') parts.push(h('h2', { class: 'section-title' }, state.unit));
  parts.push(progressCard(state));
  if (state.role === 'unknown') return parts;
  const check = checkCard(ctx);
  onCheck(check);
  const submission = submissionCard(ctx);
  watchers.push(submission);
  parts.push(check.el, submission.el, nominationCard(ctx));
  return parts;
}

export function startApp(root: HTMLElement): void {
  let current: SidebarState | null = null;
  let pickers: Pickers | null = null;
  let loadSeq = 0;
  let generation = 0;
  const banner = h('div', { class: 'msg', role: 'status', 'aria-live': 'polite' });

  function setLoading(on: boolean): void {
    root.setAttribute('aria-busy', String(on));
    root.classList.toggle('reloading', on && current !== null);
    if (pickers) {
      pickers.year.disabled = on;
      if (pickers.unit) pickers.unit.disabled = on;
    }
    if (on && current) say(banner, 'info', 'Đang tải dữ liệu…');
  }

  async function load(unit: string | null, year: number | null): Promise<void> {
    const seq = ++loadSeq;
    setLoading(true);
    const r = await callServer('sidebarGetState', unit, year);
    if (seq !== loadSeq) return;
    setLoading(false);
    if (r.ok) {
      current = r.value;
      say(banner, null);
      return render(r.value);
    }
    if (current && pickers) {
      // Keep what is shown and put the pickers back on it.
      pickers.year.value = String(current.year);
      if (pickers.unit) pickers.unit.value = current.unit ?? '';
      return say(banner, 'error', r.message);
    }
    const retry = button('Thử lại', 'secondary', () => {
      fill(root, h('p', { class: 'loading', role: 'status' }, 'Đang tải…'));
      void load(unit, year);
    });
    fill(root, h('div', { class: 'msg msg-error', role: 'alert' }, r.message), retry);
  }

  function render(state: SidebarState): void {
    const gen = ++generation;
    let problems: ProblemView[] | null = null;
    const watchers: Card[] = [];
    let check: ReturnType<typeof checkCard> | null = null;
    const ctx: ViewContext = {
      state,
      live: () => gen === generation,
      problems: () => problems,
      setProblems(list) {
        problems = list;
        check?.show(list);
        watchers.forEach((c) => c.update());
      },
      setSubmission(unit: string, submission: SubmissionView) {
        if (state.unit === unit) state.submission = submission;
        for (const row of state.completeness ?? [])
          if (row.unit === unit) row.submission = submission;
        watchers.forEach((c) => c.update());
      },
    };
    const top = header(
      state,
      (year) => void load(current?.unit ?? null, year),
      (unit) => void load(unit, current?.year ?? null),
    );
    pickers = top.pickers;
    fill(root, top.el, banner, ...cards(ctx, watchers, (c) => (check = c)));
  }

  void load(null, null);
}
