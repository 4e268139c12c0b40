// "Kiểm tra dữ liệu": the list of problems, each with a link that selects its cell.
import { callServer } from '../api';
import type { ViewContext } from '../context';
import { button, fill, h, messageRegion, say, whileBusy } from '../dom';
import type { ProblemView } from '../../shared/sidebarContract';
import { int } from '../text';

export interface CheckCard {
  el: HTMLElement;
  show(problems: ProblemView[]): void;
}

export function checkCard(ctx: ViewContext): CheckCard {
  const { unit, year, words } = ctx.state;
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const msg = messageRegion();

  function problemItem(p: ProblemView): HTMLElement {
    const link = button(`Đi tới ô ${p.cell}`, 'link', () => {
      say(msg, null);
      void whileBusy([link], `Đang mở ô ${p.cell}…`, () =>
        callServer('sidebarSelectCell', p.sheet, p.cell),
      ).then((r) => {
        if (!r.ok && ctx.live()) say(msg, 'error', r.message);
      });
    });
    link.title = `${p.sheet}!${p.cell}`;
    link.setAttribute('aria-label', `Đi tới ô ${p.cell} trên trang ${p.sheet}`);
    return h(
      'li',
      { class: 'problem' },
      h('div', null, p.year !== undefined && p.year !== year ? `Năm ${p.year}: ` : '', p.message),
      link,
    );
  }

  function show(problems: ProblemView[]): void {
    if (problems.length === 0) {
      fill(
        results,
        h('p', { class: 'ok-line' }, h('span', { 'aria-hidden': 'true' }, '✓ '), 'Không có lỗi'),
      );
      return;
    }
    fill(
      results,
      h('p', { class: 'error-line' }, `Có ${int(problems.length)} lỗi cần sửa:`),
      h('ul', { class: 'problems' }, ...problems.map(problemItem)),
    );
  }

  const run = button('Kiểm tra dữ liệu', 'secondary', () => {
    if (!unit) return;
    say(msg, null);
    void whileBusy([run], 'Đang kiểm tra…', () => callServer('sidebarCheckData', unit, year)).then(
      (r) => {
        if (!ctx.live()) return;
        if (r.ok) ctx.setProblems(r.value);
        else say(msg, 'error', r.message);
      },
    );
  });

  const el = h(
    'section',
    { class: 'card', 'aria-labelledby': 'check-title' },
    h('h2', { id: 'check-title' }, 'Kiểm tra dữ liệu'),
    h(
      'p',
      { class: 'muted small' },
      `Kiểm tra số liệu các ${words.row} của ${unit ?? ''} năm ${year}.`,
    ),
    run,
    msg,
    results,
  );
  const known = ctx.problems();
  if (known) show(known);
  return { el, show };
}
