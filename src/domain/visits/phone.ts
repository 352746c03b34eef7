/**
 * Mobile numbers as the users write them: mainland 11-digit (138 1234 5678), Taiwan 09xxxxxxxx,
 * Hong Kong 8-digit, or E.164 (+8613812345678). Stored as E.164, so one phone is one customer.
 */
export function normalisePhone(input: string): string | undefined {
  const compact = input.normalize('NFKC').replace(/[\s\-().]/g, '');
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return validE164(compact);
  if (/^00[1-9]\d{7,14}$/.test(compact)) return validE164(`+${compact.slice(2)}`);
  if (/^1[3-9]\d{9}$/.test(compact)) return `+86${compact}`;
  if (/^09\d{8}$/.test(compact)) return `+886${compact.slice(1)}`;
  if (/^[4-9]\d{7}$/.test(compact)) return `+852${compact}`;
  return undefined;
}

/** Known country plans are checked more strictly than the bare E.164 shape. */
function validE164(phone: string): string | undefined {
  if (phone.startsWith('+86')) return /^\+861[3-9]\d{9}$/.test(phone) ? phone : undefined;
  if (phone.startsWith('+886')) return /^\+8869\d{8}$/.test(phone) ? phone : undefined;
  if (phone.startsWith('+852')) return /^\+852[4-9]\d{7}$/.test(phone) ? phone : undefined;
  return phone;
}

/** The number as people read it locally: 13812345678, 0912345678, 91234567. */
export function nationalFormat(phone: string): string {
  if (phone.startsWith('+86')) return phone.slice(3);
  if (phone.startsWith('+886')) return `0${phone.slice(4)}`;
  if (phone.startsWith('+852')) return phone.slice(4);
  return phone;
}

/** What may be shown where others can read it: 138****5678. */
export function maskPhone(phone: string): string {
  if (!phone) return '';
  const national = nationalFormat(phone);
  const keepHead = national.length >= 10 ? 3 : 2;
  const keepTail = national.length >= 9 ? 4 : 2;
  return (
    `${national.slice(0, keepHead)}${'*'.repeat(Math.max(1, national.length - keepHead - keepTail))}` +
    `${national.slice(-keepTail)}`
  );
}
