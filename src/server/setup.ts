// Menu "Khởi tạo / cập nhật sổ" as dist/Code.js holds it: it reads dist/SetupData.html once,
// evaluates the setup module's code the file carries (server/setupModule.ts) and runs the menu
// there, where the caller is checked. "Phân quyền các trang tính" (protect.ts) does the same.
import { parseSetupData, SETUP_DATA_FILE, type SetupData } from '../sheets/setupData';
import type { SetupModule } from './setupModule';

/** The setup's data and its module: one read of dist/SetupData.html, only when these menus run. */
export function loadSetupModule(): { data: SetupData; module: SetupModule } {
  const data = parseSetupData(HtmlService.createHtmlOutputFromFile(SETUP_DATA_FILE).getContent());
  // The module's code is the build's own output (tools/build.ts), never user data.
  const module = new Function(data.code)() as SetupModule;
  return { data, module };
}

export function menuSetup(): void {
  const { data, module } = loadSetupModule();
  module.runSetupMenu(data);
}
