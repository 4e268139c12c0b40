// The one rule for e-mail addresses typed on Cấu hình, shared by the reminders (MailApp) and the
// protections (addEditor): Apps Script refuses anything but a bare x@y.z ("Invalid email").

/** A bare address: no spaces, no second @, none of the characters of a display name or a list. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Whether `text`, trimmed, is an address Apps Script accepts. */
export const isEmail = (text: string): boolean => EMAIL.test(text.trim());

/** The address trimmed; '' when it is not one. */
export function validAddress(text: string): string {
  const t = text.trim();
  return isEmail(t) ? t : '';
}

/** The valid addresses of `list`, trimmed, each once, in order; invalid ones left out. */
export function uniqueAddresses(list: readonly string[]): string[] {
  return [...new Set(list.map(validAddress).filter((a) => a !== ''))];
}
