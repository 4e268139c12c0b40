/**
 * Installable triggers (reference: developers.google.com/apps-script/reference/script/
 * {trigger-builder, clock-trigger-builder, spreadsheet-trigger-builder, trigger};
 * guides/triggers/installable).
 *
 * - A trigger belongs to the account that created it and runs as that account. "A given
 *   account cannot see triggers installed from a second account": `getProjectTriggers()` lists
 *   the current user's triggers of this project only.
 * - 20 triggers per user per script (guides/services/quotas); the 21st `create()` throws "This
 *   script has too many triggers. Triggers must be deleted from the script before more can be
 *   added." (reported).
 * - Clock schedules are computed on the virtual clock, in the trigger's time zone
 *   (`inTimezone`, else the script's). Google runs an `atHour(h)` trigger at some time between
 *   h:00 and h+1:00 and a `nearMinute(m)` one within ±15 minutes: the emulator picks exactly
 *   h:m (m = 0 without `nearMinute`) so tests are deterministic.
 * - One-off triggers (`after`, `at`, `atDate`) run once and stay in the list until deleted.
 */
import type { Deployment, EmulatorContext } from '../context';
import { english } from '../messages';
import { dateToSerial, partsToSerial, serialParts, serialToDate } from '../spreadsheet/dates';
import { makeEnum, serviceError, signatureError, isDate } from './common';

export const MAX_TRIGGERS_PER_USER = 20;

export const EventType = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export type EventTypeName = keyof typeof EventType;
export const TriggerSource = makeEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const WeekDay = makeEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);
const WEEKDAYS = Object.keys(WeekDay);

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export type ClockSchedule =
  | { kind: 'once'; at: number }
  | { kind: 'interval'; everyMs: number }
  | { kind: 'days'; every: number; hour: number; minute: number }
  | { kind: 'weeks'; every: number; weekDay: number; hour: number; minute: number }
  | { kind: 'monthDay'; day: number; hour: number; minute: number };

export interface TriggerState {
  uid: string;
  handler: string;
  /** The account that created it; the trigger runs as this account. */
  owner: string;
  eventType: EventTypeName;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** The spreadsheet's id for spreadsheet triggers; null for clock triggers. */
  sourceId: string | null;
  clock: { schedule: ClockSchedule; timeZone: string } | null;
  /** Next run on the virtual clock (ms); null when a one-off trigger has run. */
  nextRun: number | null;
  runs: number;
}

/** Every installable trigger of the project, all users (`emu.triggers`). */
export class TriggerStore {
  readonly all: TriggerState[] = [];
  private nextUid = 4_034_124_084_959_907;

  ofUser(email: string): TriggerState[] {
    return this.all.filter((t) => t.owner === email);
  }

  /** @internal */
  add(t: Omit<TriggerState, 'uid' | 'runs'>): TriggerState {
    if (this.ofUser(t.owner).length >= MAX_TRIGGERS_PER_USER)
      throw serviceError(english('tooManyTriggers'));
    const state: TriggerState = { ...t, uid: String(this.nextUid++), runs: 0 };
    this.all.push(state);
    return state;
  }

  remove(uid: string): void {
    const i = this.all.findIndex((t) => t.uid === uid);
    if (i >= 0) this.all.splice(i, 1);
  }

  /** The clock trigger due first at or before `until` (ms), if any. */
  nextDue(until: number): TriggerState | undefined {
    let best: TriggerState | undefined;
    for (const t of this.all) {
      if (t.nextRun === null || t.nextRun > until) continue;
      if (!best || t.nextRun < (best.nextRun ?? Infinity)) best = t;
    }
    return best;
  }

  /** @internal records a run and schedules the next one. */
  ran(t: TriggerState): void {
    t.runs++;
    t.nextRun = t.clock && t.nextRun !== null ? followingRun(t.clock, t.nextRun) : null;
  }
}

/** Serial of the wall-clock day (integer) of an instant in a zone. */
function wallDay(ms: number, timeZone: string): number {
  return Math.floor(dateToSerial(new Date(ms), timeZone) + 1e-9);
}

function atWallTime(day: number, hour: number, minute: number, timeZone: string): number {
  return serialToDate(day + (hour * 60 + minute) / 1440, timeZone).getTime();
}

/** The first run of a clock schedule created at `created`. */
export function firstRun(clock: { schedule: ClockSchedule; timeZone: string }, created: number) {
  const s = clock.schedule;
  const tz = clock.timeZone;
  switch (s.kind) {
    case 'once':
      return s.at;
    case 'interval':
      return created + s.everyMs;
    case 'days': {
      let day = wallDay(created, tz);
      while (atWallTime(day, s.hour, s.minute, tz) <= created) day++;
      return atWallTime(day, s.hour, s.minute, tz);
    }
    case 'weeks': {
      let day = wallDay(created, tz);
      while (
        serialParts(day).weekday !== s.weekDay ||
        atWallTime(day, s.hour, s.minute, tz) <= created
      )
        day++;
      return atWallTime(day, s.hour, s.minute, tz);
    }
    case 'monthDay':
      return nextMonthDay(s, tz, created);
  }
}

function nextMonthDay(
  s: Extract<ClockSchedule, { kind: 'monthDay' }>,
  tz: string,
  after: number,
): number {
  const p = serialParts(wallDay(after, tz));
  for (let k = 0; k < 24; k++) {
    const month = ((p.month - 1 + k) % 12) + 1;
    const year = p.year + Math.floor((p.month - 1 + k) / 12);
    const day = partsToSerial(year, month, s.day);
    if (day === null) continue;
    const at = atWallTime(day, s.hour, s.minute, tz);
    if (at > after) return at;
  }
  throw new Error('Emulator: no month has that day');
}

function followingRun(clock: { schedule: ClockSchedule; timeZone: string }, last: number) {
  const s = clock.schedule;
  const tz = clock.timeZone;
  switch (s.kind) {
    case 'once':
      return null;
    case 'interval':
      return last + s.everyMs;
    case 'days':
      return atWallTime(wallDay(last, tz) + s.every, s.hour, s.minute, tz);
    case 'weeks':
      return atWallTime(wallDay(last, tz) + 7 * s.every, s.hour, s.minute, tz);
    case 'monthDay':
      return nextMonthDay(s, tz, last);
  }
}

/** ISO week number (1–53) of a UTC date. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dayNum = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dayNum);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/**
 * The event object of a time-driven trigger (guides/triggers/events, "Time-driven events"):
 * the time fields are those of the run in UTC, `timezone` 'UTC'; day-of-week 1 = Monday.
 */
export function clockEvent(uid: string, at: Date): Record<string, unknown> {
  return {
    authMode: 'FULL',
    'day-of-month': at.getUTCDate(),
    'day-of-week': at.getUTCDay() || 7,
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    month: at.getUTCMonth() + 1,
    second: at.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid: uid,
    'week-of-year': isoWeek(at),
    year: at.getUTCFullYear(),
  };
}

// ---------------------------------------------------------------------------------------------
// Apps Script objects

export interface TriggerHost {
  ctx: EmulatorContext;
  store: TriggerStore;
  /** Id of the emulated spreadsheet. */
  spreadsheetId(): string;
  scriptTimeZone(): string;
  deployment(): Deployment;
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `Trigger`: one installable trigger. */
export class Trigger {
  constructor(
    private readonly ctx: EmulatorContext,
    /** The trigger's state (tests; not an Apps Script member). */
    readonly state: TriggerState,
  ) {}

  getHandlerFunction(): string {
    this.ctx.counter.hit('Trigger.getHandlerFunction');
    return this.state.handler;
  }

  getUniqueId(): string {
    this.ctx.counter.hit('Trigger.getUniqueId');
    return this.state.uid;
  }

  getEventType(): EventTypeName {
    this.ctx.counter.hit('Trigger.getEventType');
    return this.state.eventType;
  }

  getTriggerSource(): 'CLOCK' | 'SPREADSHEETS' {
    this.ctx.counter.hit('Trigger.getTriggerSource');
    return this.state.source;
  }

  /** The spreadsheet id of a spreadsheet trigger; null for a clock trigger. */
  getTriggerSourceId(): string | null {
    this.ctx.counter.hit('Trigger.getTriggerSourceId');
    return this.state.sourceId;
  }
}

/** `ScriptApp.newTrigger(functionName)`. */
export class TriggerBuilder {
  constructor(
    private readonly host: TriggerHost,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    this.host.ctx.counter.hit('TriggerBuilder.timeBased');
    return new ClockTriggerBuilder(this.host, this.handler);
  }

  /** `forSpreadsheet(spreadsheet)` or `forSpreadsheet(key)`. */
  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilder {
    this.host.ctx.counter.hit('TriggerBuilder.forSpreadsheet');
    let id: string;
    if (typeof sheet === 'string') id = sheet;
    else if (typeof sheet === 'object' && sheet !== null && 'getId' in sheet) {
      const getId = (sheet as { getId: unknown }).getId;
      if (typeof getId !== 'function')
        throw signatureError('ScriptApp.TriggerBuilder.forSpreadsheet', [sheet]);
      id = String((getId as () => unknown).call(sheet));
    } else throw signatureError('ScriptApp.TriggerBuilder.forSpreadsheet', [sheet]);
    return new SpreadsheetTriggerBuilder(this.host, this.handler, id);
  }

  forDocument(): never {
    throw new Error('Emulator: document triggers are not modelled');
  }

  forForm(): never {
    throw new Error('Emulator: form triggers are not modelled');
  }

  forUserCalendar(): never {
    throw new Error('Emulator: calendar triggers are not modelled');
  }
}

/** `TriggerBuilder.forSpreadsheet(…)`: onOpen, onEdit, onChange or onFormSubmit, then create. */
export class SpreadsheetTriggerBuilder {
  private event: EventTypeName | null = null;

  constructor(
    private readonly host: TriggerHost,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  private on(method: string, event: EventTypeName): this {
    this.host.ctx.counter.hit(`SpreadsheetTriggerBuilder.${method}`);
    this.event = event;
    return this;
  }

  onOpen(): this {
    return this.on('onOpen', 'ON_OPEN');
  }
  onEdit(): this {
    return this.on('onEdit', 'ON_EDIT');
  }
  onChange(): this {
    return this.on('onChange', 'ON_CHANGE');
  }
  onFormSubmit(): this {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  create(): Trigger {
    const ctx = this.host.ctx;
    ctx.counter.hit('SpreadsheetTriggerBuilder.create');
    if (this.event === null) throw serviceError(english('triggerBuilderIncomplete'));
    const state = this.host.store.add({
      handler: this.handler,
      owner: ctx.user,
      eventType: this.event,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
      clock: null,
      nextRun: null,
    });
    return new Trigger(ctx, state);
  }
}

interface ClockSpec {
  after?: number;
  at?: number;
  atDate?: { year: number; month: number; day: number };
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: number;
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
}

const CLASS = 'ScriptApp.ClockTriggerBuilder';

/** `TriggerBuilder.timeBased()`. */
export class ClockTriggerBuilder {
  private spec: ClockSpec = {};

  constructor(
    private readonly host: TriggerHost,
    private readonly handler: string,
  ) {}

  private int(method: string, value: unknown, ok: (n: number) => boolean, name: string): number {
    this.host.ctx.counter.hit(`ClockTriggerBuilder.${method}`);
    if (!isInt(value)) throw signatureError(`${CLASS}.${method}`, [value]);
    if (!ok(value)) throw serviceError(english('invalidArgument', name));
    return value;
  }

  after(durationMilliseconds: unknown): this {
    this.spec.after = this.int(
      'after',
      durationMilliseconds,
      (n) => n >= 0,
      'durationMilliseconds',
    );
    return this;
  }

  at(date: unknown): this {
    this.host.ctx.counter.hit('ClockTriggerBuilder.at');
    if (!isDate(date) || Number.isNaN(date.getTime())) throw signatureError(`${CLASS}.at`, [date]);
    this.spec.at = date.getTime();
    return this;
  }

  atDate(year: unknown, month: unknown, day: unknown): this {
    this.host.ctx.counter.hit('ClockTriggerBuilder.atDate');
    if (!isInt(year) || !isInt(month) || !isInt(day))
      throw signatureError(`${CLASS}.atDate`, [year, month, day]);
    if (partsToSerial(year, month, day) === null)
      throw serviceError(english('invalidArgument', 'day'));
    this.spec.atDate = { year, month, day };
    return this;
  }

  atHour(hour: unknown): this {
    this.spec.atHour = this.int('atHour', hour, (n) => n >= 0 && n <= 23, 'hour');
    return this;
  }

  nearMinute(minute: unknown): this {
    this.spec.nearMinute = this.int('nearMinute', minute, (n) => n >= 0 && n <= 59, 'minute');
    return this;
  }

  everyMinutes(n: unknown): this {
    this.spec.everyMinutes = this.int(
      'everyMinutes',
      n,
      (v) => [1, 5, 10, 15, 30].includes(v),
      'n',
    );
    return this;
  }

  everyHours(n: unknown): this {
    this.spec.everyHours = this.int('everyHours', n, (v) => [1, 2, 4, 6, 8, 12].includes(v), 'n');
    return this;
  }

  everyDays(n: unknown): this {
    this.spec.everyDays = this.int('everyDays', n, (v) => v >= 1, 'n');
    return this;
  }

  everyWeeks(n: unknown): this {
    this.spec.everyWeeks = this.int('everyWeeks', n, (v) => v >= 1, 'n');
    return this;
  }

  onWeekDay(day: unknown): this {
    this.host.ctx.counter.hit('ClockTriggerBuilder.onWeekDay');
    const i = typeof day === 'string' ? WEEKDAYS.indexOf(day) : -1;
    if (i < 0) throw signatureError(`${CLASS}.onWeekDay`, [day]);
    this.spec.onWeekDay = i;
    return this;
  }

  onMonthDay(day: unknown): this {
    this.spec.onMonthDay = this.int('onMonthDay', day, (n) => n >= 1 && n <= 31, 'day');
    return this;
  }

  inTimezone(timezone: unknown): this {
    this.host.ctx.counter.hit('ClockTriggerBuilder.inTimezone');
    if (typeof timezone !== 'string') throw signatureError(`${CLASS}.inTimezone`, [timezone]);
    if (!isTimeZone(timezone)) throw serviceError(english('invalidArgument', 'timezone'));
    this.spec.timeZone = timezone;
    return this;
  }

  create(): Trigger {
    const ctx = this.host.ctx;
    ctx.counter.hit('ClockTriggerBuilder.create');
    const timeZone = this.spec.timeZone ?? this.host.scriptTimeZone();
    const schedule = this.schedule(timeZone);
    if (
      this.host.deployment() === 'addon' &&
      schedule.kind === 'interval' &&
      schedule.everyMs < HOUR_MS
    )
      throw serviceError(english('addonClockTooFrequent'));
    const clock = { schedule, timeZone };
    const state = this.host.store.add({
      handler: this.handler,
      owner: ctx.user,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      clock,
      nextRun: firstRun(clock, ctx.now().getTime()),
    });
    return new Trigger(ctx, state);
  }

  /** Exactly one schedule; atHour/nearMinute only with a daily, weekly or monthly one. */
  private schedule(timeZone: string): ClockSchedule {
    const s = this.spec;
    const kinds = [
      s.after,
      s.at,
      s.atDate,
      s.everyMinutes,
      s.everyHours,
      s.everyDays,
      s.everyWeeks,
      s.everyWeeks === undefined ? s.onMonthDay : undefined,
    ].filter((v) => v !== undefined);
    if (kinds.length !== 1) {
      if (kinds.length === 0 && (s.atHour !== undefined || s.nearMinute !== undefined))
        throw serviceError(english('clockFrequencyRequired'));
      throw serviceError(english('clockOneSchedule'));
    }
    const timed = s.everyDays ?? s.everyWeeks ?? s.onMonthDay ?? s.atDate;
    if (timed === undefined && (s.atHour !== undefined || s.nearMinute !== undefined))
      throw serviceError(english('clockFrequencyRequired'));
    const hour = s.atHour ?? 0;
    const minute = s.nearMinute ?? 0;
    const now = this.host.ctx.now().getTime();
    if (s.after !== undefined) return { kind: 'once', at: now + s.after };
    if (s.at !== undefined) return { kind: 'once', at: s.at };
    if (s.atDate) {
      const day = partsToSerial(s.atDate.year, s.atDate.month, s.atDate.day) ?? 0;
      return { kind: 'once', at: atWallTime(day, hour, minute, timeZone) };
    }
    if (s.everyMinutes !== undefined)
      return { kind: 'interval', everyMs: s.everyMinutes * MINUTE_MS };
    if (s.everyHours !== undefined) return { kind: 'interval', everyMs: s.everyHours * HOUR_MS };
    if (s.everyDays !== undefined) return { kind: 'days', every: s.everyDays, hour, minute };
    if (s.everyWeeks !== undefined)
      return { kind: 'weeks', every: s.everyWeeks, weekDay: s.onWeekDay ?? 1, hour, minute };
    return { kind: 'monthDay', day: s.onMonthDay ?? 1, hour, minute };
  }
}
