// The menus whose code is in the setup module (server/setupModule.ts) as dist/Code.js holds them:
// "Khởi tạo / cập nhật sổ", "Phân quyền các trang tính", "Kiểm tra cài đặt" and the reminders'
// daily trigger. Each reads dist/SetupData.html once, evaluates the module's code the file
// carries and runs there, where the caller is checked; they run seldom, so every other execution
// (each custom-function call, each sidebar call) evaluates a smaller dist/Code.js.
import { parseSetupData, SETUP_DATA_FILE, type SetupData } from '../sheets/setupData';
import type * as SetupModule from './setupModule';

/** The setup's data and its module: one read of dist/SetupData.html, only when these menus run. */
function loadSetupModule(): { data: SetupData; module: typeof SetupModule } {
  const data = parseSetupData(HtmlService.createHtmlOutputFromFile(SETUP_DATA_FILE).getContent());
  // The module's code is the build's own output (tools/build.ts), never user data.
  const module = new Function(data.code)() as typeof SetupModule;
  return { data, module };
}

export function menuSetup(): void {
  const { data, module } = loadSetupModule();
  module.runSetupMenu(data);
}

export function menuProtect(): void {
  loadSetupModule().module.runProtectMenu();
}

export function menuSelfCheck(): void {
  loadSetupModule().module.menuSelfCheck();
}

export function remindersDaily(e?: unknown): void {
  loadSetupModule().module.remindersDaily(e);
}
