// Finds unmasked personal data in a value about to leave the system (a response body, a log line): resident ID
// numbers, mobile phone numbers, bank accounts and medical details (docs/architecture.md "Data"). The audit of unmasked reads
// (api/middleware/disclosure-audit.ts) and the personal-data scan of the test suite use this one definition.
import { isCitizenId } from './citizen-id.js';

export type PersonalDataKind = 'citizenId' | 'phone' | 'bankAccount' | 'medical';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The unmasked value as found (medical: the field's name). Never log it: mask it first. */
  value: string;
  /** Where in the value it was found, e.g. `items.3.subject.citizenId` (`$` for a plain string). */
  path: string;
}

// 17 digits and a check character, not part of a longer run of letters or digits; the check character is verified.
const CITIZEN_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
// A mainland mobile number (1 + 3–9 + 9 digits), not part of a longer run of letters or digits: the last group of a
// request ID (a UUID's hex digits) can be eleven digits that look like one.
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
// A bank card or account number as a field value: 8–32 digits, possibly grouped by spaces.
const ACCOUNT_VALUE = /^\d[\d ]{6,38}\d$/;
const ACCOUNT_KEY = /(bankAccount|accountNumber|accountNo|cardNumber|cardNo)$/i;
// Fields that carry medical details (a diagnosis, a work-injury disability assessment).
const MEDICAL_KEY = /^(diagnosis|medicalDetails|medicalRecord|disability|injuryDetails|injuryDescription)$/i;

/** Every unmasked item in `text`, a free text (a log line); `path` says where it came from. */
export function findPersonalDataInText(text: string, path = '$'): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const match of text.matchAll(CITIZEN_ID)) {
    if (isCitizenId(match[0].toUpperCase())) found.push({ kind: 'citizenId', value: match[0].toUpperCase(), path });
  }
  for (const match of text.matchAll(MOBILE)) found.push({ kind: 'phone', value: match[0], path });
  return found;
}

/** Every unmasked item in a JSON value (a parsed response body), with the path of the field it sits in. */
export function findPersonalData(value: unknown, path = '$'): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  const walk = (node: unknown, at: string, key: string | null): void => {
    if (key !== null && MEDICAL_KEY.test(key) && node !== null && node !== undefined && node !== '') {
      found.push({ kind: 'medical', value: key, path: at });
      return;
    }
    if (typeof node === 'string') {
      if (key !== null && ACCOUNT_KEY.test(key) && ACCOUNT_VALUE.test(node)) found.push({ kind: 'bankAccount', value: node.replaceAll(' ', ''), path: at });
      else found.push(...findPersonalDataInText(node, at));
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${at}.${i}`, null));
    } else if (typeof node === 'object' && node !== null) {
      for (const [name, child] of Object.entries(node)) walk(child, `${at}.${name}`, name);
    }
  };
  walk(value, path, null);
  return found;
}
