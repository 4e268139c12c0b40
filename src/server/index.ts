// The entry points of the add-on. Every export becomes a top-level function of dist/Code.js
// (tools/build.ts), so export nothing else: each one can be called through google.script.run,
// and each one checks who calls it.
export { onOpen, onInstall, showSidebar, menuHelp } from './menu';
export { menuSetup, menuProtect, menuSelfCheck, remindersDaily } from './setup';
export { menuConsolidate } from './consolidate';
export { menuCheckAll } from './checkAll';
export { exportResults } from './exportResults';
export { menuRemindersOn, menuRemindersOff } from './reminders';
export {
  sidebarGetState,
  sidebarCheckData,
  sidebarSelectCell,
  sidebarAddNomination,
  sidebarSubmitReport,
  sidebarConsolidate,
  sidebarApproveReport,
  sidebarReturnReport,
  sidebarSetReminders,
  sidebarRequestOfficial,
} from './sidebarApi';
export { GN_GIAM, GN_DAT, GN_TIENDO, GN_PHANLOAI } from './customFunctions';
