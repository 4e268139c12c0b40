// The narrative report's rule, shared by the sidebar's server and the CLI's --reports file.
import { documentDate, narrativeDocument } from '../../src/core/narrativeDocument';

const LINK = 'https://drive.google.com/file/d/1AbC/view';

test('dates: dd/mm/yyyy as typed, ISO turned into dd/mm/yyyy, impossible days refused', () => {
  expect(documentDate('20/11/2025')).toBe('20/11/2025');
  expect(documentDate('5/1/2026')).toBe('05/01/2026');
  expect(documentDate('2025-11-20')).toBe('20/11/2025');
  expect(documentDate('20.11.2025')).toBe('20/11/2025');
  expect(documentDate('29/02/2025')).toBeNull(); // 2025 is not a leap year
  expect(documentDate('29/02/2024')).toBe('29/02/2024');
  expect(documentDate('ngày 20')).toBeNull();
});

test('none given is no document; all three sound is the document, trimmed', () => {
  expect(narrativeDocument(' ', '', '')).toEqual({ document: null });
  expect(narrativeDocument(' 15/BC-UBND ', '2025-11-20', ` ${LINK} `)).toEqual({
    document: { number: '15/BC-UBND', date: '20/11/2025', link: LINK },
  });
});

test('each problem names its field', () => {
  expect(narrativeDocument('15/BC', '', '')).toEqual({
    problem:
      'báo cáo thuyết minh cần đủ số văn bản, ngày văn bản và đường dẫn Google Drive (thiếu ngày văn bản, đường dẫn)',
  });
  expect(narrativeDocument('x'.repeat(101), '20/11/2025', LINK)).toEqual({
    problem: 'số văn bản dài quá 100 ký tự',
  });
  expect(narrativeDocument('15/BC', '31/11/2025', LINK)).toEqual({
    problem: 'ngày văn bản "31/11/2025" không phải là một ngày có thật (dd/mm/yyyy)',
  });
  const outside = narrativeDocument('15/BC', '20/11/2025', 'http://drive.google.com/x');
  expect('problem' in outside && outside.problem).toMatch(
    /^đường dẫn phải là địa chỉ Google Drive/,
  );
  const long = narrativeDocument('15/BC', '20/11/2025', `${LINK}?${'a'.repeat(1000)}`);
  expect('problem' in long).toBe(true);
});
