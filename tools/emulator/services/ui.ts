/**
 * The `Ui` returned by `SpreadsheetApp.getUi()`: menus (recorded on `addToUi()`), alerts and
 * prompts answered from queues the test fills, sidebars and dialogs recorded with their HTML.
 * Reference: developers.google.com/apps-script/reference/base/{ui, menu, prompt-response}.
 */
import type { EmulatorContext } from '../context';
import { english } from '../messages';
import { authorize } from './auth';
import { makeEnum, serviceError, signatureError } from './common';
import { HtmlOutput } from './html';

export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export type ButtonName = keyof typeof Button;
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export type ButtonSetName = keyof typeof ButtonSet;

const BUTTONS_OF: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type RecordedMenuItem =
  { caption: string; functionName: string } | { separator: true } | { submenu: RecordedMenu };

export interface RecordedMenu {
  caption: string;
  /** true for `createAddonMenu()` (shown under Extensions with the add-on's name). */
  addon: boolean;
  items: RecordedMenuItem[];
}

export interface RecordedAlert {
  title: string;
  message: string;
  buttons: ButtonSetName;
  answer: ButtonName;
  /** Lock scopes this execution lost because the dialog suspended the script. */
  locksReleased: string[];
}

export interface RecordedPrompt extends RecordedAlert {
  responseText: string;
}

export interface RecordedDialog {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

export const UI_UNAVAILABLE = english('uiUnavailable');

/**
 * What the user sees and answers. The emulator exposes it as `emu.ui`; the script reaches it
 * only through `SpreadsheetApp.getUi()`.
 */
export class UiRecorder {
  readonly menus: RecordedMenu[] = [];
  readonly alerts: RecordedAlert[] = [];
  readonly prompts: RecordedPrompt[] = [];
  readonly dialogs: RecordedDialog[] = [];
  available = true;
  private alertAnswers: ButtonName[] = [];
  private promptAnswers: { text: string; button: ButtonName }[] = [];
  private ui: Ui | null = null;

  constructor(
    private readonly ctx: EmulatorContext,
    /** Called when an alert or prompt suspends the script; returns the lock scopes dropped. */
    readonly onSuspend: () => string[] = () => [],
    /** Where toasts are recorded (the spreadsheet model keeps them). */
    private readonly toastSource: () => readonly unknown[] = () => [],
  ) {}

  /** The `Ui` object, or the Apps Script error when there is no UI (e.g. a trigger). */
  getUi(): Ui {
    if (!this.available) throw serviceError(UI_UNAVAILABLE);
    this.ui ??= new Ui(this.ctx, this);
    return this.ui;
  }

  setAvailable(available: boolean): void {
    this.available = available;
  }

  /** Queue the button the user will press on the next `alert`. */
  answerAlert(button: ButtonName): void {
    this.alertAnswers.push(checkButtonName(button));
  }

  /** Queue what the user will type and press on the next `prompt`. */
  answerPrompt(text: string, button: ButtonName = 'OK'): void {
    this.promptAnswers.push({ text, button: checkButtonName(button) });
  }

  /** Answers queued but not yet consumed (a test can assert none are left over). */
  pendingAnswers(): { alerts: number; prompts: number } {
    return { alerts: this.alertAnswers.length, prompts: this.promptAnswers.length };
  }

  get sidebars(): RecordedDialog[] {
    return this.dialogs.filter((d) => d.kind === 'sidebar');
  }

  get lastSidebar(): RecordedDialog | undefined {
    return this.sidebars.at(-1);
  }

  get toasts(): readonly unknown[] {
    return this.toastSource();
  }

  /** The menu whose caption is given (the last one added wins), or undefined. */
  menu(caption: string): RecordedMenu | undefined {
    return [...this.menus].reverse().find((m) => m.caption === caption);
  }

  /**
   * The function name behind a menu item, found by its path of captions:
   * `menuItem('Vì người nghèo', 'Khởi tạo')`. Throws when the path does not exist.
   */
  menuItem(...path: string[]): string {
    const [top, ...rest] = path;
    let menu = top === undefined ? undefined : this.menu(top);
    if (!menu)
      throw new Error(
        `Emulator: no menu "${top}" (menus: ${this.menus.map((m) => m.caption).join(', ')})`,
      );
    for (let i = 0; i < rest.length; i++) {
      const caption = rest[i];
      const last = i === rest.length - 1;
      let found: RecordedMenuItem | undefined;
      for (const item of menu.items) {
        if ('caption' in item && item.caption === caption && last) found = item;
        if ('submenu' in item && item.submenu.caption === caption && !last) found = item;
      }
      if (!found) throw new Error(`Emulator: no menu item "${caption}" in "${menu.caption}"`);
      if ('functionName' in found) return found.functionName;
      if ('submenu' in found) menu = found.submenu;
    }
    throw new Error(`Emulator: "${path.join(' > ')}" is a menu, not an item`);
  }

  /** Forget everything shown (menus, dialogs, alerts) and every queued answer. */
  reset(): void {
    this.menus.length = 0;
    this.alerts.length = 0;
    this.prompts.length = 0;
    this.dialogs.length = 0;
    this.alertAnswers = [];
    this.promptAnswers = [];
  }

  /** @internal used by Ui */
  recordMenu(menu: RecordedMenu): void {
    const at = this.menus.findIndex((m) => m.caption === menu.caption && m.addon === menu.addon);
    if (at >= 0) this.menus[at] = menu;
    else this.menus.push(menu);
  }

  /** @internal used by Ui */
  nextAlertAnswer(buttons: ButtonSetName): ButtonName {
    const answer = this.alertAnswers.shift() ?? defaultAnswer(buttons);
    return checkAnswer(answer, buttons);
  }

  /** @internal used by Ui */
  nextPromptAnswer(buttons: ButtonSetName): { text: string; button: ButtonName } {
    const answer = this.promptAnswers.shift() ?? { text: '', button: defaultAnswer(buttons) };
    return { text: answer.text, button: checkAnswer(answer.button, buttons) };
  }
}

/** With no queued answer the user presses OK; in a Yes/No dialog (no OK) they close it. */
function defaultAnswer(buttons: ButtonSetName): ButtonName {
  return BUTTONS_OF[buttons].includes('OK') ? 'OK' : 'CLOSE';
}

function checkButtonName(button: string): ButtonName {
  if (!(button in Button)) throw new Error(`Emulator: "${button}" is not a Button`);
  return button as ButtonName;
}

function checkAnswer(answer: ButtonName, buttons: ButtonSetName): ButtonName {
  if (answer !== 'CLOSE' && !BUTTONS_OF[buttons].includes(answer)) {
    throw new Error(
      `Emulator: the queued answer ${answer} is not a button of ButtonSet.${buttons}`,
    );
  }
  return answer;
}

function isButtonSet(value: unknown): value is ButtonSetName {
  return typeof value === 'string' && value in ButtonSet;
}

function isText(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Resolve the three overloads of `alert`/`prompt`: (p), (p, buttons), (title, p, buttons). */
function dialogArgs(
  method: string,
  args: readonly unknown[],
  defaultButtons: ButtonSetName,
): { title: string; message: string; buttons: ButtonSetName } {
  const [a, b, c] = args;
  if (args.length === 1 && isText(a))
    return { title: '', message: String(a), buttons: defaultButtons };
  if (args.length === 2 && isText(a) && isButtonSet(b))
    return { title: '', message: String(a), buttons: b };
  if (args.length === 3 && isText(a) && isText(b) && isButtonSet(c)) {
    return { title: String(a), message: String(b), buttons: c };
  }
  throw signatureError(method, args);
}

export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly recorder: UiRecorder,
  ) {}

  createMenu(caption: string): Menu {
    this.ctx.counter.hit('Ui.createMenu');
    if (typeof caption !== 'string') throw signatureError('Ui.createMenu', [caption]);
    return new Menu(this.ctx, this.recorder, caption, false);
  }

  createAddonMenu(): Menu {
    this.ctx.counter.hit('Ui.createAddonMenu');
    return new Menu(this.ctx, this.recorder, '', true);
  }

  alert(...args: unknown[]): ButtonName {
    this.ctx.counter.hit('Ui.alert');
    authorize(this.ctx, 'Ui.alert');
    const { title, message, buttons } = dialogArgs('Ui.alert', args, 'OK');
    const answer = this.recorder.nextAlertAnswer(buttons);
    const locksReleased = this.recorder.onSuspend();
    this.recorder.alerts.push({ title, message, buttons, answer, locksReleased });
    return answer;
  }

  prompt(...args: unknown[]): PromptResponse {
    this.ctx.counter.hit('Ui.prompt');
    authorize(this.ctx, 'Ui.prompt');
    const { title, message, buttons } = dialogArgs('Ui.prompt', args, 'OK');
    const { text, button } = this.recorder.nextPromptAnswer(buttons);
    const locksReleased = this.recorder.onSuspend();
    this.recorder.prompts.push({
      title,
      message,
      buttons,
      answer: button,
      responseText: text,
      locksReleased,
    });
    return new PromptResponse(this.ctx, text, button);
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.ctx.counter.hit('Ui.showSidebar');
    authorize(this.ctx, 'Ui.showSidebar');
    this.show('Ui.showSidebar', 'sidebar', [userInterface]);
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.ctx.counter.hit('Ui.showModalDialog');
    authorize(this.ctx, 'Ui.showModalDialog');
    this.show('Ui.showModalDialog', 'modal', [userInterface, title]);
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.ctx.counter.hit('Ui.showModelessDialog');
    authorize(this.ctx, 'Ui.showModelessDialog');
    this.show('Ui.showModelessDialog', 'modeless', [userInterface, title]);
  }

  private show(method: string, kind: RecordedDialog['kind'], args: unknown[]): void {
    const [output, title] = args;
    const titled = kind !== 'sidebar';
    if (
      !(output instanceof HtmlOutput) ||
      (titled && typeof title !== 'string') ||
      args.length !== (titled ? 2 : 1)
    ) {
      throw signatureError(method, args);
    }
    const state = output.internal;
    this.recorder.dialogs.push({
      kind,
      title: titled ? String(title) : state.title,
      html: state.content,
      width: kind === 'sidebar' ? 300 : state.width,
      height: kind === 'sidebar' ? null : state.height,
    });
  }
}

export class Menu {
  private readonly items: RecordedMenuItem[] = [];

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly recorder: UiRecorder,
    private readonly caption: string,
    private readonly addon: boolean,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    this.ctx.counter.hit('Menu.addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError('Menu.addItem', [caption, functionName]);
    }
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): Menu {
    this.ctx.counter.hit('Menu.addSeparator');
    this.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.ctx.counter.hit('Menu.addSubMenu');
    if (!(menu instanceof Menu)) throw signatureError('Menu.addSubMenu', [menu]);
    this.items.push({ submenu: menu.snapshot() });
    return this;
  }

  addToUi(): void {
    this.ctx.counter.hit('Menu.addToUi');
    this.recorder.recordMenu(this.snapshot());
  }

  /** @internal a copy of the menu as it is now (what `addToUi` records). */
  snapshot(): RecordedMenu {
    return {
      caption: this.caption,
      addon: this.addon,
      items: this.items.map((item) =>
        'submenu' in item ? { submenu: structuredClone(item.submenu) } : { ...item },
      ),
    };
  }
}

export class PromptResponse {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}

  getResponseText(): string {
    this.ctx.counter.hit('PromptResponse.getResponseText');
    return this.text;
  }

  getSelectedButton(): ButtonName {
    this.ctx.counter.hit('PromptResponse.getSelectedButton');
    return this.button;
  }
}
