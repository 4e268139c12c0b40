// The entry points of the add-on. Every export becomes a top-level function of dist/Code.js
// (tools/build.ts), so export nothing else: each one can be called through google.script.run.
export { onOpen, onInstall } from './menu';
export { GN_GIAM } from './customFunctions';
