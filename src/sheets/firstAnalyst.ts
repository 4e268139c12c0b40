// A spreadsheet in a shared drive has no owner (Spreadsheet.getOwner() is null), so the rule "the
// owner acts as analyst while Cấu hình lists none" names nobody there. The first setup of such a
// workbook, which has no Cấu hình yet, accepts its caller as the first analyst and writes that
// e-mail on Cấu hình with the defaults: from then on Cấu hình says who the analysts are.
import type { SetupData } from './setupData';
import { asText } from './cellText';
import { CONFIG_SECTION } from './configLabels';

/**
 * The setup data with `email` as the only analyst: in the defaults and in the first data row of
 * the analysts' table of the Cấu hình grid (the row after the section's header), so the first
 * setup writes it with the rest of Cấu hình (no extra service call).
 */
export function withFirstAnalyst(data: SetupData, email: string): SetupData {
  const values = data.configGrid.values.map((row) => [...row]);
  const title = values.findIndex((row) => row[0] === CONFIG_SECTION.analysts);
  if (title < 0) throw new Error('Cấu hình grid without the analysts section');
  const first = title + 2; // 0-based: the title, its header, then the first e-mail row
  while (values.length <= first) values.push([]);
  values[first] = [asText(email), ...values[first].slice(1)];
  return {
    ...data,
    defaults: { ...data.defaults, analysts: [email] },
    configGrid: { ...data.configGrid, values },
  };
}
