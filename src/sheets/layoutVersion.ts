// The version of the workbook's layout (tabs, blocks, named ranges, the approvals ledger) that
// this add-on writes and reads. Setup records it in the document properties when it finishes;
// "Kiểm tra cài đặt" compares it with the add-on's, so a workbook that an older version set up
// (the add-on was updated, setup not run again) is named before anything reads it wrongly.
// Bump LAYOUT_VERSION whenever setup lays a tab out differently.
export const LAYOUT_VERSION = 2;
const LAYOUT_VERSION_KEY = 'gn.layoutVersion';

/** Records that the workbook now has this add-on's layout (the setup calls it when it succeeds). */
export function recordLayoutVersion(): void {
  PropertiesService.getDocumentProperties().setProperty(LAYOUT_VERSION_KEY, String(LAYOUT_VERSION));
}

/** The layout version a setup recorded, from the document properties; null when none did. */
export function layoutVersionOf(properties: Record<string, string>): number | null {
  const raw = properties[LAYOUT_VERSION_KEY];
  if (raw === undefined) return null;
  const version = Number(raw);
  return Number.isInteger(version) ? version : null;
}
