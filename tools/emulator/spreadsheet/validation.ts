/**
 * Data validation (SHEETS-FACTS §5): `SpreadsheetApp.newDataValidation()` → builder → rule.
 * There is deliberately no `requireWholeNumber` (calling it is a TypeError, as in Apps Script).
 * Script writes are never checked against a rule.
 */
import { isDateObject } from './dates';
import type { Env } from './env';
import { signatureError } from './errors';
import { formulaSyntaxFor, fromCanonical } from './formulaSyntax';

export const DataValidationCriteria = {
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
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
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
} as const;

export type CriteriaType = keyof typeof DataValidationCriteria;

/** Plain description of a rule, for exporters (xlsx). Values are as given (Range objects for VALUE_IN_RANGE). */
export interface ValidationSpec {
  criteria: CriteriaType | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

const CLASS = 'DataValidationBuilder';

export class FakeDataValidation {
  /**
   * The canonical form of a CUSTOM_FORMULA rule's formula, set when the rule is applied to a
   * range (checked in the spreadsheet's locale then); null before. Not an Apps Script member.
   */
  canonicalFormula: string | null = null;

  constructor(
    private readonly env: Env,
    /** Exporter view of the rule (not an Apps Script method). */
    readonly spec: Readonly<ValidationSpec>,
  ) {}

  getCriteriaType(): CriteriaType | null {
    this.env.hit('DataValidation.getCriteriaType');
    return this.spec.criteria;
  }

  /** A custom formula reads back in the spreadsheet's current formula syntax. */
  getCriteriaValues(): unknown[] {
    this.env.hit('DataValidation.getCriteriaValues');
    if (this.canonicalFormula !== null)
      return [fromCanonical(this.canonicalFormula, formulaSyntaxFor(this.env.ctx))];
    return [...this.spec.values];
  }

  getAllowInvalid(): boolean {
    this.env.hit('DataValidation.getAllowInvalid');
    return this.spec.allowInvalid;
  }

  getHelpText(): string | null {
    this.env.hit('DataValidation.getHelpText');
    return this.spec.helpText;
  }

  copy(): FakeDataValidationBuilder {
    this.env.hit('DataValidation.copy');
    return new FakeDataValidationBuilder(this.env, { ...this.spec, values: [...this.spec.values] });
  }
}

function checkArgs(method: string, args: unknown[], test: (a: unknown[]) => boolean): void {
  if (!test(args)) throw signatureError(CLASS, method, args);
}
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): boolean => typeof v === 'string';

export class FakeDataValidationBuilder {
  private spec: ValidationSpec;

  constructor(
    private readonly env: Env,
    spec?: ValidationSpec,
  ) {
    this.spec = spec ?? { criteria: null, values: [], allowInvalid: true, helpText: null };
  }

  private set(method: string, criteria: CriteriaType, values: unknown[]): this {
    this.env.hit(`${CLASS}.${method}`);
    this.spec = { ...this.spec, criteria, values };
    return this;
  }

  private numbers(method: string, criteria: CriteriaType, args: unknown[], count: number): this {
    checkArgs(method, args, (a) => a.length === count && a.every(isNum));
    return this.set(method, criteria, args);
  }

  private dates(method: string, criteria: CriteriaType, args: unknown[], count: number): this {
    checkArgs(method, args, (a) => a.length === count && a.every(isDateObject));
    return this.set(method, criteria, args);
  }

  requireNumberBetween(...a: unknown[]): this {
    return this.numbers('requireNumberBetween', 'NUMBER_BETWEEN', a, 2);
  }
  requireNumberNotBetween(...a: unknown[]): this {
    return this.numbers('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', a, 2);
  }
  requireNumberEqualTo(...a: unknown[]): this {
    return this.numbers('requireNumberEqualTo', 'NUMBER_EQUAL_TO', a, 1);
  }
  requireNumberNotEqualTo(...a: unknown[]): this {
    return this.numbers('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', a, 1);
  }
  requireNumberGreaterThan(...a: unknown[]): this {
    return this.numbers('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', a, 1);
  }
  requireNumberGreaterThanOrEqualTo(...a: unknown[]): this {
    return this.numbers(
      'requireNumberGreaterThanOrEqualTo',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      a,
      1,
    );
  }
  requireNumberLessThan(...a: unknown[]): this {
    return this.numbers('requireNumberLessThan', 'NUMBER_LESS_THAN', a, 1);
  }
  requireNumberLessThanOrEqualTo(...a: unknown[]): this {
    return this.numbers('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', a, 1);
  }

  requireDate(...a: unknown[]): this {
    checkArgs('requireDate', a, (x) => x.length === 0);
    return this.set('requireDate', 'DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(...a: unknown[]): this {
    return this.dates('requireDateAfter', 'DATE_AFTER', a, 1);
  }
  requireDateBefore(...a: unknown[]): this {
    return this.dates('requireDateBefore', 'DATE_BEFORE', a, 1);
  }
  requireDateBetween(...a: unknown[]): this {
    return this.dates('requireDateBetween', 'DATE_BETWEEN', a, 2);
  }
  requireDateNotBetween(...a: unknown[]): this {
    return this.dates('requireDateNotBetween', 'DATE_NOT_BETWEEN', a, 2);
  }
  requireDateEqualTo(...a: unknown[]): this {
    return this.dates('requireDateEqualTo', 'DATE_EQUAL_TO', a, 1);
  }
  requireDateOnOrAfter(...a: unknown[]): this {
    return this.dates('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', a, 1);
  }
  requireDateOnOrBefore(...a: unknown[]): this {
    return this.dates('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', a, 1);
  }

  requireTextContains(...a: unknown[]): this {
    checkArgs('requireTextContains', a, (x) => x.length === 1 && isStr(x[0]));
    return this.set('requireTextContains', 'TEXT_CONTAINS', a);
  }
  requireTextDoesNotContain(...a: unknown[]): this {
    checkArgs('requireTextDoesNotContain', a, (x) => x.length === 1 && isStr(x[0]));
    return this.set('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', a);
  }
  requireTextEqualTo(...a: unknown[]): this {
    checkArgs('requireTextEqualTo', a, (x) => x.length === 1 && isStr(x[0]));
    return this.set('requireTextEqualTo', 'TEXT_EQUAL_TO', a);
  }
  requireTextIsEmail(...a: unknown[]): this {
    checkArgs('requireTextIsEmail', a, (x) => x.length === 0);
    return this.set('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(...a: unknown[]): this {
    checkArgs('requireTextIsUrl', a, (x) => x.length === 0);
    return this.set('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }

  /** `requireValueInList(values[, showDropdown])`: criteria values are `[values, showDropdown]`. */
  requireValueInList(...a: unknown[]): this {
    checkArgs(
      'requireValueInList',
      a,
      (x) =>
        (x.length === 1 || (x.length === 2 && typeof x[1] === 'boolean')) &&
        Array.isArray(x[0]) &&
        (x[0] as unknown[]).every(isStr),
    );
    const values = [...(a[0] as string[])];
    return this.set('requireValueInList', 'VALUE_IN_LIST', [values, a.length === 2 ? a[1] : true]);
  }

  /** `requireValueInRange(range[, showDropdown])`: criteria values are `[range, showDropdown]`. */
  requireValueInRange(...a: unknown[]): this {
    checkArgs(
      'requireValueInRange',
      a,
      (x) =>
        (x.length === 1 || (x.length === 2 && typeof x[1] === 'boolean')) &&
        typeof x[0] === 'object' &&
        x[0] !== null &&
        'getA1Notation' in x[0],
    );
    return this.set('requireValueInRange', 'VALUE_IN_RANGE', [a[0], a.length === 2 ? a[1] : true]);
  }

  /** `requireCheckbox([checked[, unchecked]])`. */
  requireCheckbox(...a: unknown[]): this {
    checkArgs('requireCheckbox', a, (x) => x.length <= 2);
    return this.set('requireCheckbox', 'CHECKBOX', a);
  }

  requireFormulaSatisfied(...a: unknown[]): this {
    checkArgs('requireFormulaSatisfied', a, (x) => x.length === 1 && isStr(x[0]));
    return this.set('requireFormulaSatisfied', 'CUSTOM_FORMULA', a);
  }

  withCriteria(criteria: unknown, args: unknown): this {
    checkArgs(
      'withCriteria',
      [criteria, args],
      (x) => typeof x[0] === 'string' && x[0] in DataValidationCriteria && Array.isArray(x[1]),
    );
    return this.set('withCriteria', criteria as CriteriaType, [...(args as unknown[])]);
  }

  setAllowInvalid(allowInvalid: unknown): this {
    checkArgs('setAllowInvalid', [allowInvalid], (x) => typeof x[0] === 'boolean');
    this.env.hit(`${CLASS}.setAllowInvalid`);
    this.spec = { ...this.spec, allowInvalid: allowInvalid as boolean };
    return this;
  }

  setHelpText(helpText: unknown): this {
    checkArgs('setHelpText', [helpText], (x) => isStr(x[0]));
    this.env.hit(`${CLASS}.setHelpText`);
    this.spec = { ...this.spec, helpText: helpText as string };
    return this;
  }

  getCriteriaType(): CriteriaType | null {
    this.env.hit(`${CLASS}.getCriteriaType`);
    return this.spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.env.hit(`${CLASS}.getCriteriaValues`);
    return [...this.spec.values];
  }

  getAllowInvalid(): boolean {
    this.env.hit(`${CLASS}.getAllowInvalid`);
    return this.spec.allowInvalid;
  }

  getHelpText(): string | null {
    this.env.hit(`${CLASS}.getHelpText`);
    return this.spec.helpText;
  }

  copy(): FakeDataValidationBuilder {
    this.env.hit(`${CLASS}.copy`);
    return new FakeDataValidationBuilder(this.env, { ...this.spec, values: [...this.spec.values] });
  }

  build(): FakeDataValidation {
    this.env.hit(`${CLASS}.build`);
    return new FakeDataValidation(this.env, { ...this.spec, values: [...this.spec.values] });
  }
}
