// Entry points whose code runs in the setup module (server/setupModule.ts), loaded from
// dist/SetupData.html only when they are called (server/setup.ts): the self-check menu and the
// reminders' daily trigger (the e-mails' texts), which run seldom, so that every other execution (each
// custom-function call, each sidebar call) evaluates a smaller dist/Code.js. Each one checks its
// caller there, as before.
import { loadSetupModule } from './setup';

export function menuSelfCheck(): void {
  loadSetupModule().module.menuSelfCheck();
}

export function remindersDaily(e?: unknown): void {
  loadSetupModule().module.remindersDaily(e);
}
