/*
 * Display masks for sensitive personal data in responses and logs (docs/architecture.md "Data"). Each keeps just enough for a
 * person to recognise their own record. They mask whatever they are given — invalid input is masked too, never
 * echoed — and they work on Unicode code points so a name never splits a character.
 */

function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  const hidden = '*'.repeat(chars.length - head - tail);
  return chars.slice(0, head).join('') + hidden + chars.slice(chars.length - tail).join('');
}

/** Keeps the address code (first 6) and the last 4: `maskCitizenId('11010519491231002X') === '110105********002X'`. */
export function maskCitizenId(id: string): string {
  return keepEnds(id, 6, 4);
}

/** Keeps the last 4 digits, the part people use to tell their cards apart; spaces are dropped first. */
export function maskBankAccount(account: string): string {
  return keepEnds(account.replace(/\s+/g, ''), 0, 4);
}

/** Keeps the first 3 and the last 4: `maskPhone('13812345678') === '138****5678'`. */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s-]+/g, '');
  return compact.length < 8 ? '*'.repeat(Array.from(compact).length) : keepEnds(compact, 3, 4);
}

/** Keeps the first character (usually the surname): `maskName('张三丰') === '张**'`; one character is fully masked. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1 ? '*'.repeat(chars.length) : chars[0] + '*'.repeat(chars.length - 1);
}
