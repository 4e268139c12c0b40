// Placeholder until the core lands: the four custom functions of PRODUCT.md.

/**
 * Tỷ lệ giảm so với đầu kỳ: (đầu kỳ − hiện tại) / đầu kỳ.
 * @param {number} baseline Số hộ đầu kỳ.
 * @param {number} current Số hộ hiện tại.
 * @return Tỷ lệ giảm (0,8 = giảm 80 %).
 * @customfunction
 */
export function GN_GIAM(baseline: unknown, current: unknown): never {
  void baseline;
  void current;
  throw new Error('GN_GIAM: chưa hỗ trợ.');
}
