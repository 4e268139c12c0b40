// RangeList (Sheet.getRangeList): one call that applies the same format to several ranges of a
// sheet. Each method is counted once as `RangeList.<method>` and applies the Range method of the
// same name to every range, uncounted (as one request does in Sheets: a protected cell in any of
// the ranges refuses the whole call, SHEETS-FACTS.md §4).
import type { Env } from './env';
import type { FakeRange } from './range';

/** The RangeList methods the emulator models: the formats that take one value for every cell. */
type Method =
  | 'setBackground'
  | 'setFontColor'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setHorizontalAlignment'
  | 'setNumberFormat'
  | 'setVerticalAlignment'
  | 'setWrap';

export class FakeRangeList {
  constructor(
    private readonly env: Env,
    private readonly ranges: FakeRange[],
  ) {}

  getRanges(): FakeRange[] {
    this.env.hit('RangeList.getRanges');
    return [...this.ranges];
  }

  private apply(method: Method, value: unknown): this {
    this.env.hit(`RangeList.${method}`);
    for (const r of this.ranges) r.model.ss.assertCanEdit(r.model, r.rect);
    this.env.withoutCounting(() => {
      for (const r of this.ranges) (r[method] as (v: unknown) => unknown).call(r, value);
    });
    return this;
  }

  setBackground(v: unknown): this {
    return this.apply('setBackground', v);
  }
  setFontColor(v: unknown): this {
    return this.apply('setFontColor', v);
  }
  setFontFamily(v: unknown): this {
    return this.apply('setFontFamily', v);
  }
  setFontSize(v: unknown): this {
    return this.apply('setFontSize', v);
  }
  setFontStyle(v: unknown): this {
    return this.apply('setFontStyle', v);
  }
  setFontWeight(v: unknown): this {
    return this.apply('setFontWeight', v);
  }
  setHorizontalAlignment(v: unknown): this {
    return this.apply('setHorizontalAlignment', v);
  }
  setNumberFormat(v: unknown): this {
    return this.apply('setNumberFormat', v);
  }
  setVerticalAlignment(v: unknown): this {
    return this.apply('setVerticalAlignment', v);
  }
  setWrap(v: unknown): this {
    return this.apply('setWrap', v);
  }
}
