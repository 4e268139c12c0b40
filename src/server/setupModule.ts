// The setup module: what only "Khởi tạo / cập nhật sổ", "Phân quyền các trang tính", "Kiểm tra
// cài đặt" and the reminders' daily trigger run (server/lazyMenus.ts).
// tools/build.ts bundles it apart from dist/Code.js and stores it in dist/SetupData.html, which
// Apps Script reads only when asked; Code.js evaluates it when one of the two menus is clicked
// (server/setup.ts). Every other execution (each custom-function call, each sidebar call, each
// other menu) evaluates Code.js alone and so does not pay for this code (docs/DECISIONS.md 53).
import { runProtectMenu } from './protectRun';
import { remindersDaily } from './reminders';
import { menuSelfCheck } from './selfCheck';
import { runSetupMenu } from './setupRun';

export { menuSelfCheck, remindersDaily, runProtectMenu, runSetupMenu };

/** What evaluating the module's code returns. */
export interface SetupModule {
  runSetupMenu: typeof runSetupMenu;
  runProtectMenu: typeof runProtectMenu;
  menuSelfCheck: typeof menuSelfCheck;
  remindersDaily: typeof remindersDaily;
}
