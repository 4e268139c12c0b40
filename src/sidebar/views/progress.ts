// Progress on the two targets and overall, as bars with figures.
import { h } from '../dom';
import type { SidebarState } from '../../shared/sidebarContract';
import { int, percent, targetPercent } from '../text';

function bar(value: number, label: string, met: boolean, target?: number): HTMLElement {
  const clamped = Math.max(0, Math.min(1, value));
  const track = h(
    'div',
    {
      class: 'bar',
      role: 'progressbar',
      'aria-label': label,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': Math.round(clamped * 1000) / 10,
      'aria-valuetext': percent(value),
    },
    h('div', {
      class: met ? 'bar-fill met' : 'bar-fill',
      style: `width:${(clamped * 100).toFixed(1)}%`,
    }),
  );
  if (target !== undefined && target > 0 && target <= 1) {
    track.appendChild(
      h('div', {
        class: 'bar-target',
        style: `left:${(target * 100).toFixed(1)}%`,
        'aria-hidden': 'true',
      }),
    );
  }
  return track;
}

function branch(
  title: string,
  reduction: number | null,
  target: number,
  comparator: '≥' | '>',
  met: boolean,
  baseline: number,
  current: number,
): HTMLElement {
  const figure = `${title}: ${percent(reduction)} / mục tiêu ${comparator} ${targetPercent(target)}`;
  return h(
    'div',
    { class: 'metric' },
    h('div', { class: 'metric-label' }, figure),
    bar(reduction ?? 0, title, met, target),
    h(
      'div',
      { class: 'muted small' },
      reduction === null
        ? 'Không có hộ đầu kỳ: nhánh này không tính.'
        : `Đầu kỳ ${int(baseline)} hộ → nay ${int(current)} hộ`,
    ),
  );
}

export function progressCard(state: SidebarState): HTMLElement {
  const card = h('section', { class: 'card', 'aria-labelledby': 'progress-title' });
  card.appendChild(h('h2', { id: 'progress-title' }, `Tiến độ năm ${state.year}`));
  const p = state.progress;
  if (!p) {
    card.appendChild(h('p', { class: 'muted' }, 'Chưa có số liệu cho năm này.'));
    return card;
  }
  const { poorReduction: poorTarget, combinedReduction: combinedTarget } = state.targets;
  const poorMet = p.poorReduction !== null && p.poorReduction >= poorTarget;
  const combinedMet = p.combinedReduction !== null && p.combinedReduction > combinedTarget;
  const badges = h(
    'div',
    { class: 'badges' },
    h(
      'span',
      { class: p.attained ? 'chip chip-ok' : 'chip chip-bad' },
      p.attained ? 'Đạt' : 'Chưa đạt',
    ),
    p.provisional
      ? h('span', { class: 'chip chip-warn', title: 'Số liệu chưa đủ hoặc còn lỗi' }, 'Tạm tính')
      : null,
    h(
      'span',
      { class: 'muted small' },
      `${int(p.communesReported)}/${int(p.communes)} ${state.words.row} đã báo cáo`,
    ),
  );
  card.append(
    badges,
    branch('Giảm hộ nghèo', p.poorReduction, poorTarget, '≥', poorMet, p.poorBaseline, p.poor),
    branch(
      'Giảm hộ nghèo + cận nghèo',
      p.combinedReduction,
      combinedTarget,
      '>',
      combinedMet,
      p.poorBaseline + p.nearPoorBaseline,
      p.poor + p.nearPoor,
    ),
    h(
      'div',
      { class: 'metric' },
      h('div', { class: 'metric-label' }, `Tiến độ chung: ${percent(p.progress)}`),
      bar(p.progress, 'Tiến độ chung', p.attained),
    ),
  );
  if (p.provisional) {
    card.appendChild(
      h(
        'p',
        { class: 'muted small' },
        `Tạm tính: chưa đủ ${state.words.row} báo cáo hoặc số liệu còn lỗi, nên đơn vị chưa được tính là đạt.`,
      ),
    );
  }
  return card;
}
