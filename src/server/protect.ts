// Menu "Phân quyền các trang tính" as dist/Code.js holds it: the menu runs in the setup module
// (server/protectRun.ts), loaded from dist/SetupData.html (server/setup.ts).
import { loadSetupModule } from './setup';

export function menuProtect(): void {
  loadSetupModule().module.runProtectMenu();
}
