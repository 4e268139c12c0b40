// The corpus cases where a unit tab's total row and the summary may differ, because a native
// formula cannot see what the reader sees (docs/DECISIONS.md 39). tabTruth.test.ts checks that
// each difference is real and that every other case matches; docs.test.ts that
// docs/RELIABILITY.md lists them.
/** Case name → why the tab's native formulas cannot see what the reader sees. */
export const KNOWN_DIFFERENCES: Record<string, string> = {
  'a date where a count belongs':
    'the cell holds the date as a whole number (45.976); only the reader compares it with the commune’s other years',
  'a commune name in NFD (decomposed) form':
    'Sheets’ functions do not normalise Unicode: the tab finds no such commune on Cấu hình (the reader does)',
  'a commune name with double spaces and a no-break space':
    'TRIM removes ordinary spaces only: the no-break space stays, the tab finds no such commune (the reader does)',
  'a commune name in lower case':
    'COUNTIF compares text without case: the tab accepts the name, the reader does not',
  'the unit tab deleted': 'there is no tab, hence no total row',
};

/**
 * Cases where LibreOffice alone differs (Sheets and Excel agree with the summary): LibreOffice
 * has no boolean type, so in a cell formatted as a number TRUE opens as the number 1.
 */
export const LIBREOFFICE_DIFFERENCES: Record<string, string> = {
  'TRUE in a count':
    'LibreOffice has no boolean type: TRUE in a cell formatted as a number opens as 1, a valid count',
};
