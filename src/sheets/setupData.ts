// What only the setup and the protection menu need: their code, the guide's text, the default
// configuration, Cấu hình as the first setup writes it and the other texts the setup writes or shows. They are not in
// dist/Code.js, which Apps Script evaluates on every execution (each custom-function call, each
// menu click); tools/build.ts writes them as JSON into dist/SetupData.html, a project HTML file,
// which Apps Script reads only when asked to. The two menus read it once per run (server/setup.ts).
import type { Config } from '../core/config';
import type { ConfigGrid } from './configGrid';
import type { SetupText } from './setupText';

/** The project HTML file, as HtmlService names it. */
export const SETUP_DATA_FILE = 'SetupData';

export interface SetupData {
  /**
   * The setup module's code (server/setupModule.ts bundled by tools/build.ts): a function body
   * that returns the module's exports.
   */
  code: string;
  /**
   * The guide, one string per row of Hướng dẫn (src/sheets/guide.txt with the layout's names
   * filled in by the build): "# " starts a heading, "{name}" is filled in from the configuration
   * by guideTab.ts.
   */
  guide: string[];
  /** The default configuration (core/defaultConfig.ts), written on Cấu hình by the first setup. */
  defaults: Config;
  /** Cấu hình written from `defaults` (configGrid.ts): titles, notes, headers, values, formats. */
  configGrid: ConfigGrid;
  /** The unit tabs' title, note, status and help texts, and the closing summary (setupText.ts). */
  text: SetupText;
}

/** `template` with each {name} replaced by `values[name]` (one pass: values are not scanned). */
export function fillText(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) =>
    key in values ? String(values[key]) : m,
  );
}

/**
 * The file's content: JSON, with `<`, `>` and `&` (and the two JavaScript line separators)
 * written as \u escapes so that nothing in it reads as markup. Used by tools/build.ts.
 */
export function setupDataContent(data: SetupData): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Parses the file's content (what `setupDataContent` wrote). */
export function parseSetupData(content: string): SetupData {
  return JSON.parse(content) as SetupData;
}
