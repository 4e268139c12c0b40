// What the core bench loads: validation, the consolidation and its main stages, bundled by
// esbuild like dist/Code.js (es2020, minified syntax; identifiers kept so that the profile names
// functions).
export { consolidateValidated } from '../../src/core/consolidate';
export { unitYearFigures } from '../../src/core/figures';
export { buildShortlist } from '../../src/core/shortlist';
export { validateUnit } from '../../src/core/validate';
