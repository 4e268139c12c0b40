/**
 * Conditional format rules (SHEETS-FACTS §5): builder, rule, boolean condition. Rules are
 * records; they are not evaluated. `Sheet.setConditionalFormatRules(rules)` replaces all.
 */
import type { Env } from './env';
import { signatureError } from './errors';
import { formulaSyntaxFor, fromCanonical } from './formulaSyntax';
import type { FakeRange } from './range';

export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_NOT_EQUAL_TO: 'DATE_NOT_EQUAL_TO',
  DATE_AFTER_RELATIVE: 'DATE_AFTER_RELATIVE',
  DATE_BEFORE_RELATIVE: 'DATE_BEFORE_RELATIVE',
  DATE_EQUAL_TO_RELATIVE: 'DATE_EQUAL_TO_RELATIVE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_NOT_EQUAL_TO: 'TEXT_NOT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

export type BooleanCriteriaType = keyof typeof BooleanCriteria;

export const InterpolationType = {
  NUMBER: 'NUMBER',
  PERCENT: 'PERCENT',
  PERCENTILE: 'PERCENTILE',
  MIN: 'MIN',
  MAX: 'MAX',
} as const;

export interface CfFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export interface GradientPoint {
  color: string;
  type: string;
  value: string;
}

/** Exporter view of a rule. */
export interface CfSpec {
  ranges: FakeRange[];
  criteria: BooleanCriteriaType | null;
  values: unknown[];
  format: CfFormat;
  gradient: { min?: GradientPoint; mid?: GradientPoint; max?: GradientPoint } | null;
}

const CLASS = 'ConditionalFormatRuleBuilder';

export class FakeBooleanCondition {
  constructor(
    private readonly env: Env,
    private readonly spec: Readonly<CfSpec>,
    /** The canonical custom formula of an applied rule (null: as given). */
    private readonly canonicalFormula: string | null = null,
  ) {}
  getCriteriaType(): BooleanCriteriaType | null {
    this.env.hit('BooleanCondition.getCriteriaType');
    return this.spec.criteria;
  }
  /** A custom formula reads back in the spreadsheet's current formula syntax. */
  getCriteriaValues(): unknown[] {
    this.env.hit('BooleanCondition.getCriteriaValues');
    if (this.canonicalFormula !== null)
      return [fromCanonical(this.canonicalFormula, formulaSyntaxFor(this.env.ctx))];
    return [...this.spec.values];
  }
  getBackground(): string | null {
    this.env.hit('BooleanCondition.getBackground');
    return this.spec.format.background ?? null;
  }
  getFontColor(): string | null {
    this.env.hit('BooleanCondition.getFontColor');
    return this.spec.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    this.env.hit('BooleanCondition.getBold');
    return this.spec.format.bold ?? null;
  }
  getItalic(): boolean | null {
    this.env.hit('BooleanCondition.getItalic');
    return this.spec.format.italic ?? null;
  }
}

export class FakeConditionalFormatRule {
  /**
   * The canonical form of a CUSTOM_FORMULA rule's formula, set by `setConditionalFormatRules`
   * (checked in the spreadsheet's locale then); null before. Not an Apps Script member.
   */
  canonicalFormula: string | null = null;

  constructor(
    private readonly env: Env,
    /** Exporter view (not an Apps Script method). */
    readonly spec: Readonly<CfSpec>,
  ) {}
  getRanges(): FakeRange[] {
    this.env.hit('ConditionalFormatRule.getRanges');
    return [...this.spec.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition | null {
    this.env.hit('ConditionalFormatRule.getBooleanCondition');
    return this.spec.criteria === null
      ? null
      : new FakeBooleanCondition(this.env, this.spec, this.canonicalFormula);
  }
  getGradientCondition(): null {
    this.env.hit('ConditionalFormatRule.getGradientCondition');
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    this.env.hit('ConditionalFormatRule.copy');
    return new FakeConditionalFormatRuleBuilder(this.env, cloneSpec(this.spec));
  }
}

function cloneSpec(spec: Readonly<CfSpec>): CfSpec {
  return {
    ...spec,
    ranges: [...spec.ranges],
    values: [...spec.values],
    format: { ...spec.format },
    gradient: spec.gradient ? { ...spec.gradient } : null,
  };
}

export class FakeConditionalFormatRuleBuilder {
  private spec: CfSpec;

  constructor(
    private readonly env: Env,
    spec?: CfSpec,
  ) {
    this.spec = spec ?? { ranges: [], criteria: null, values: [], format: {}, gradient: null };
  }

  private when(
    method: string,
    criteria: BooleanCriteriaType,
    args: unknown[],
    check: (a: unknown[]) => boolean,
  ): this {
    if (!check(args)) throw signatureError(CLASS, method, args);
    this.env.hit(`${CLASS}.${method}`);
    this.spec = { ...this.spec, criteria, values: [...args], gradient: null };
    return this;
  }

  private fmt(method: string, patch: CfFormat): this {
    this.env.hit(`${CLASS}.${method}`);
    this.spec = { ...this.spec, format: { ...this.spec.format, ...patch } };
    return this;
  }

  whenFormulaSatisfied(...a: unknown[]): this {
    return this.when(
      'whenFormulaSatisfied',
      'CUSTOM_FORMULA',
      a,
      (x) => x.length === 1 && typeof x[0] === 'string',
    );
  }
  whenCellEmpty(): this {
    return this.when('whenCellEmpty', 'CELL_EMPTY', [], () => true);
  }
  whenCellNotEmpty(): this {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', [], () => true);
  }
  whenNumberBetween(...a: unknown[]): this {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', a, nums(2));
  }
  whenNumberNotBetween(...a: unknown[]): this {
    return this.when('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', a, nums(2));
  }
  whenNumberEqualTo(...a: unknown[]): this {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', a, nums(1));
  }
  whenNumberNotEqualTo(...a: unknown[]): this {
    return this.when('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', a, nums(1));
  }
  whenNumberGreaterThan(...a: unknown[]): this {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', a, nums(1));
  }
  whenNumberGreaterThanOrEqualTo(...a: unknown[]): this {
    return this.when(
      'whenNumberGreaterThanOrEqualTo',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      a,
      nums(1),
    );
  }
  whenNumberLessThan(...a: unknown[]): this {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', a, nums(1));
  }
  whenNumberLessThanOrEqualTo(...a: unknown[]): this {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', a, nums(1));
  }
  whenTextEqualTo(...a: unknown[]): this {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', a, strs(1));
  }
  whenTextContains(...a: unknown[]): this {
    return this.when('whenTextContains', 'TEXT_CONTAINS', a, strs(1));
  }
  whenTextDoesNotContain(...a: unknown[]): this {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', a, strs(1));
  }
  whenTextStartsWith(...a: unknown[]): this {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', a, strs(1));
  }
  whenTextEndsWith(...a: unknown[]): this {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', a, strs(1));
  }

  setBackground(color: string | null): this {
    return this.fmt('setBackground', { background: color });
  }
  setFontColor(color: string | null): this {
    return this.fmt('setFontColor', { fontColor: color });
  }
  setBold(bold: boolean | null): this {
    return this.fmt('setBold', { bold });
  }
  setItalic(italic: boolean | null): this {
    return this.fmt('setItalic', { italic });
  }
  setStrikethrough(v: boolean | null): this {
    return this.fmt('setStrikethrough', { strikethrough: v });
  }
  setUnderline(v: boolean | null): this {
    return this.fmt('setUnderline', { underline: v });
  }

  private gradient(method: string, key: 'min' | 'mid' | 'max', point: GradientPoint): this {
    this.env.hit(`${CLASS}.${method}`);
    this.spec = {
      ...this.spec,
      criteria: null,
      values: [],
      gradient: { ...(this.spec.gradient ?? {}), [key]: point },
    };
    return this;
  }
  setGradientMinpoint(color: string): this {
    return this.gradient('setGradientMinpoint', 'min', { color, type: 'MIN', value: '' });
  }
  setGradientMaxpoint(color: string): this {
    return this.gradient('setGradientMaxpoint', 'max', { color, type: 'MAX', value: '' });
  }
  setGradientMinpointWithValue(color: string, type: string, value: string): this {
    return this.gradient('setGradientMinpointWithValue', 'min', { color, type, value });
  }
  setGradientMidpointWithValue(color: string, type: string, value: string): this {
    return this.gradient('setGradientMidpointWithValue', 'mid', { color, type, value });
  }
  setGradientMaxpointWithValue(color: string, type: string, value: string): this {
    return this.gradient('setGradientMaxpointWithValue', 'max', { color, type, value });
  }

  setRanges(ranges: unknown): this {
    if (!Array.isArray(ranges)) throw signatureError(CLASS, 'setRanges', [ranges]);
    this.env.hit(`${CLASS}.setRanges`);
    this.spec = { ...this.spec, ranges: [...(ranges as FakeRange[])] };
    return this;
  }

  getRanges(): FakeRange[] {
    this.env.hit(`${CLASS}.getRanges`);
    return [...this.spec.ranges];
  }

  getBooleanCondition(): FakeBooleanCondition | null {
    this.env.hit(`${CLASS}.getBooleanCondition`);
    return this.spec.criteria === null
      ? null
      : new FakeBooleanCondition(this.env, cloneSpec(this.spec));
  }

  copy(): FakeConditionalFormatRuleBuilder {
    this.env.hit(`${CLASS}.copy`);
    return new FakeConditionalFormatRuleBuilder(this.env, cloneSpec(this.spec));
  }

  build(): FakeConditionalFormatRule {
    this.env.hit(`${CLASS}.build`);
    return new FakeConditionalFormatRule(this.env, cloneSpec(this.spec));
  }
}

function nums(n: number): (a: unknown[]) => boolean {
  return (a) => a.length === n && a.every((v) => typeof v === 'number' && Number.isFinite(v));
}
function strs(n: number): (a: unknown[]) => boolean {
  return (a) => a.length === n && a.every((v) => typeof v === 'string');
}
