// "Thêm đề cử khen thưởng": a form checked here for required fields, then by the server.
import { callServer } from '../api';
import type { ViewContext } from '../context';
import { h, messageRegion, say, uid, whileBusy } from '../dom';
import type { NominationInput } from '../../shared/sidebarContract';
import { upperFirst } from '../../core/reportWords';

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

interface NominationFields {
  type: Field;
  name: Field;
  commune: Field;
  achievement: Field;
  award: Field;
}

function nominationFields(state: ViewContext['state']): NominationFields {
  return {
    type: field(
      'Loại đề cử',
      select(
        '— Chọn loại —',
        state.nominationTypes.map((t) => ({ value: t, label: t })),
      ),
      true,
    ),
    name: field(
      'Tên tập thể, cá nhân',
      h('input', { type: 'text', autocomplete: 'off', maxlength: 200 }),
      true,
    ),
    commune: field(
      upperFirst(state.words.rowLevel),
      select(
        '— Không (đơn vị) —',
        state.communes.map((c) => ({ value: c, label: c })),
      ),
      false,
    ),
    achievement: field('Tóm tắt thành tích', h('textarea', { rows: 3, maxlength: 2000 }), true),
    award: field(
      'Hình thức khen thưởng',
      select(
        '— Chọn hình thức —',
        state.awards.map((a) => ({ value: a.name, label: `${a.name} (${a.authority})` })),
      ),
      true,
    ),
  };
}

/** The input, or null after marking each required field left empty (the first gets the focus). */
function validate(state: ViewContext['state'], f: NominationFields): NominationInput | null {
  const input: NominationInput = {
    unit: state.unit ?? '',
    year: state.year,
    type: f.type.control.value,
    name: f.name.control.value.trim(),
    commune: f.commune.control.value,
    achievement: f.achievement.control.value.trim(),
    award: f.award.control.value,
  };
  const errors: [Field, string | null][] = [
    [f.type, input.type ? null : 'Chọn loại đề cử.'],
    [f.name, input.name ? null : 'Nhập tên tập thể hoặc cá nhân được đề cử.'],
    [f.achievement, input.achievement ? null : 'Nhập tóm tắt thành tích.'],
    [f.award, input.award ? null : 'Chọn hình thức khen thưởng.'],
  ];
  for (const [field, message] of errors) setError(field, message);
  const first = errors.find(([, message]) => message !== null);
  if (first) {
    first[0].control.focus();
    return null;
  }
  return input;
}

/** A refusal: each problem naming a form field (`cell` = "name", "award"…) goes under it. */
function showRefusal(
  msg: HTMLElement,
  f: NominationFields,
  r: { message: string; problems?: { cell: string; message: string }[] },
): void {
  const byKey: Record<string, Field> = { ...f };
  const unplaced: string[] = [];
  for (const p of r.problems ?? []) {
    const target = Object.prototype.hasOwnProperty.call(byKey, p.cell) ? byKey[p.cell] : null;
    if (target) setError(target, p.message);
    else unplaced.push(p.message);
  }
  const details = unplaced.map((m) => h('li', null, m));
  say(msg, 'error', h('div', null, r.message), details.length ? h('ul', null, ...details) : null);
  Object.values(f)
    .find((x: Field) => x.control.getAttribute('aria-invalid') === 'true')
    ?.control.focus();
}

export function nominationCard(ctx: ViewContext): HTMLElement {
  const { state } = ctx;
  const f = nominationFields(state);
  const fields = Object.values(f) as Field[];
  const msg = messageRegion();
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Thêm đề cử');
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'nom-title' },
    ...fields.map((x) => x.wrap),
    h('p', { class: 'muted small' }, `Đơn vị: ${state.unit ?? ''} · Năm ${state.year}`),
    submit,
    msg,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    say(msg, null);
    fields.forEach((x) => setError(x, null));
    const input = validate(state, f);
    if (!input) return say(msg, 'error', 'Vui lòng sửa các ô được đánh dấu.');
    void whileBusy([submit], 'Đang thêm…', () => callServer('sidebarAddNomination', input)).then(
      (r) => {
        if (!ctx.live()) return;
        if (!r.ok) return showRefusal(msg, f, r);
        form.reset();
        fields.forEach((x) => setError(x, null));
        say(msg, 'ok', `Đã thêm đề cử mã ${r.value.id} (dòng ${r.value.row}).`);
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
