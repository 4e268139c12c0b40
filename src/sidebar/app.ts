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
      render(r.value);
      return;
    }
    if (current && pickers) {
      // Keep what is shown and put the pickers back on it.
      pickers.year.value = String(current.year);
      if (pickers.unit) pickers.unit.value = current.unit ?? '';
      say(banner, 'error', r.message);
      return;
    }
    const retry = button('Thử lại', 'secondary', () => {
      fill(root, h('p', { class: 'loading', role: 'status' }, 'Đang tải…'));
      void load(unit, year);
    });
    fill(root, h('div', { class: 'msg msg-error', role: 'alert' }, r.message), retry);
  }

  function header(state: SidebarState): HTMLElement {
    const [yearField, yearSelect] = picker('Năm', state.years.map(String), String(state.year));
    yearSelect.addEventListener('change', () => {
      void load(current?.unit ?? null, Number(yearSelect.value));
    });
    pickers = { year: yearSelect };
    const top = h('header', { class: 'top' });
    if (state.role === 'analyst') {
      const [unitField, unitSelect] = picker(
        'Đơn vị',
        state.units,
        state.unit ?? '',
        state.unit ? undefined : '— Chọn đơn vị —',
      );
      unitSelect.addEventListener('change', () => {
        if (unitSelect.value) void load(unitSelect.value, current?.year ?? null);
      });
      pickers.unit = unitSelect;
      top.appendChild(h('div', { class: 'pickers' }, unitField, yearField));
    } else {
      top.appendChild(
        h(
          'div',
          { class: 'pickers' },
          h(
            'div',
            { class: 'field' },
            h('div', { class: 'label' }, 'Đơn vị'),
            h('div', { class: 'unit-name' }, state.unit ?? '—'),
          ),
          yearField,
        ),
      );
    }
    const overdue = state.daysLeft < 0 && state.submission.status === 'not_submitted';
    const soon =
      state.daysLeft >= 0 && state.daysLeft <= 7 && state.submission.status === 'not_submitted';
    top.appendChild(
      h(
        'p',
        { class: overdue ? 'deadline bad' : soon ? 'deadline warn' : 'deadline' },
        deadlineText(state.deadline, state.daysLeft),
      ),
    );
    top.appendChild(
      h(
        'p',
        { class: 'muted small who' },
        state.email ? `Tài khoản: ${state.email}` : 'Không xác định được tài khoản của bạn.',
      ),
    );
    return top;
  }

  function render(state: SidebarState): void {
    generation += 1;
    const gen = generation;
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

    const parts: HTMLElement[] = [header(state), banner];
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
    if (state.unit) {
      if (state.role === 'analyst') parts.push(h('h2', { class: 'section-title' }, state.unit));
      parts.push(progressCard(state));
      if (state.role !== 'unknown') {
        check = checkCard(ctx);
        const submission = submissionCard(ctx);
        watchers.push(submission);
        parts.push(check.el, submission.el, nominationCard(ctx));
      }
    } else if (state.role === 'district') {
      parts.push(
        h('p', { class: 'msg msg-warn' }, 'Chưa xác định được đơn vị của bạn trong Cấu hình.'),
      );
    }
    fill(root, ...parts);
  }

  void load(null, null);
}
