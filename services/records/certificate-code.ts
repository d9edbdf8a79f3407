import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so a code read out over the phone or typed from paper is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new verification code: 80 random bits as 16 characters, `XXXX-XXXX-XXXX-XXXX` (too many to guess under the limit). */
export function newCertificateCode(): string {
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** The code as typed (lower case, spaces, without dashes, O for 0) in its printed form, or null when it cannot be one. */
export function normalizeCertificateCode(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== 16 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return plain.match(/.{4}/g)!.join('-');
}
