// "Thêm đề cử khen thưởng": a form checked here for required fields, then by the server.
import { callServer } from '../api';
import type { ViewContext } from '../context';
import { h, messageRegion, say, uid, whileBusy } from '../dom';
import type { NominationInput } from '../../shared/sidebarContract';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface Field {
  control: Control;
  error: HTMLElement;
  wrap: HTMLElement;
}

function field(label: string, control: Control, required: boolean): Field {
  const id = uid('nom');
  const errorId = `${id}-error`;
  control.id = id;
  control.setAttribute('aria-describedby', errorId);
  if (required) control.setAttribute('aria-required', 'true');
  const error = h('div', { class: 'field-error', id: errorId });
  const wrap = h(
    'div',
    { class: 'field' },
    h(
      'label',
      { for: id },
      label,
      required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    ),
    control,
    error,
  );
  return { control, error, wrap };
}

function setError(f: Field, message: string | null): void {
  f.error.textContent = message ?? '';
  if (message) f.control.setAttribute('aria-invalid', 'true');
  else f.control.removeAttribute('aria-invalid');
}

function select(
  placeholder: string | null,
  options: { value: string; label: string }[],
): HTMLSelectElement {
  const el = h('select');
  if (placeholder !== null) el.appendChild(h('option', { value: '' }, placeholder));
  for (const o of options) el.appendChild(h('option', { value: o.value }, o.label));
  return el;
}

export function nominationCard(ctx: ViewContext): HTMLElement {
  const { state } = ctx;
  const unit = state.unit ?? '';
  const type = field(
    'Loại đề cử',
    select(
      '— Chọn loại —',
      state.nominationTypes.map((t) => ({ value: t, label: t })),
    ),
    true,
  );
  const name = field(
    'Tên tập thể, cá nhân',
    h('input', { type: 'text', autocomplete: 'off', maxlength: 200 }),
    true,
  );
  const commune = field(
    'Xã, phường, thị trấn',
    select(
      '— Không (đơn vị) —',
      state.communes.map((c) => ({ value: c, label: c })),
    ),
    false,
  );
  const achievement = field(
    'Tóm tắt thành tích',
    h('textarea', { rows: 3, maxlength: 2000 }),
    true,
  );
  const award = field(
    'Hình thức khen thưởng',
    select(
      '— Chọn hình thức —',
      state.awards.map((a) => ({ value: a.name, label: `${a.name} (${a.authority})` })),
    ),
    true,
  );
  const fields = [type, name, commune, achievement, award];
  const byKey: Record<string, Field> = { type, name, commune, achievement, award };
  const msg = messageRegion();

  function validate(): NominationInput | null {
    const input: NominationInput = {
      unit,
      year: state.year,
      type: type.control.value,
      name: name.control.value.trim(),
      commune: commune.control.value,
      achievement: achievement.control.value.trim(),
      award: award.control.value,
    };
    const errors: [Field, string | null][] = [
      [type, input.type ? null : 'Chọn loại đề cử.'],
      [name, input.name ? null : 'Nhập tên tập thể hoặc cá nhân được đề cử.'],
      [achievement, input.achievement ? null : 'Nhập tóm tắt thành tích.'],
      [award, input.award ? null : 'Chọn hình thức khen thưởng.'],
    ];
    for (const [f, message] of errors) setError(f, message);
    const first = errors.find(([, message]) => message !== null);
    if (first) {
      first[0].control.focus();
      return null;
    }
    return input;
  }

  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Thêm đề cử');
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'nom-title' },
    ...fields.map((f) => f.wrap),
    h('p', { class: 'muted small' }, `Đơn vị: ${unit} · Năm ${state.year}`),
    submit,
    msg,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    say(msg, null);
    fields.forEach((f) => setError(f, null));
    const input = validate();
    if (!input) {
      say(msg, 'error', 'Vui lòng sửa các ô được đánh dấu.');
      return;
    }
    void whileBusy([submit], 'Đang thêm…', () => callServer('sidebarAddNomination', input)).then(
      (r) => {
        if (!ctx.live()) return;
        if (r.ok) {
          form.reset();
          fields.forEach((f) => setError(f, null));
          say(msg, 'ok', `Đã thêm đề cử mã ${r.value.id} (dòng ${r.value.row}).`);
          return;
        }
        // The server names a form field in `cell` ("name", "award"…): its message goes there.
        const unplaced: string[] = [];
        for (const p of r.problems ?? []) {
          const target = Object.prototype.hasOwnProperty.call(byKey, p.cell) ? byKey[p.cell] : null;
          if (target) setError(target, p.message);
          else unplaced.push(p.message);
        }
        const details = unplaced.map((m) => h('li', null, m));
        say(
          msg,
          'error',
          h('div', null, r.message),
          details.length ? h('ul', null, ...details) : null,
        );
        fields.find((f) => f.control.getAttribute('aria-invalid') === 'true')?.control.focus();
      },
    );
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'nom-title' },
    h('h2', { id: 'nom-title' }, 'Thêm đề cử khen thưởng'),
    form,
  );
}
