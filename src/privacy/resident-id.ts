/** Mainland resident id numbers (GB 11643-1999): the check character and the shape of a plausible id. */

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') for the first 17 digits of a resident id. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] as number);
  return checkChars[sum % 11] as string;
}

/** True when YYYYMMDD is a date that exists, with a year from minYear to maxYear. */
export function isRealDate(yyyymmdd: string, minYear = 1900, maxYear = 2099): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < minYear || year > maxYear || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Classifies 18 characters (17 digits and a check character, no spaces): 'valid' when the id is
 * plausible and its checksum holds, 'badCheck' when it is plausible but the check character is
 * wrong, null when it is not shaped like an id (area code starting 1–8, a real birth date 1900–2099).
 */
export function classifyResidentId(id: string): 'valid' | 'badCheck' | null {
  if (!/^[1-8]\d{16}[\dXx]$/.test(id) || !isRealDate(id.slice(6, 14))) return null;
  return residentIdCheckChar(id.slice(0, 17)) === id[17]?.toUpperCase() ? 'valid' : 'badCheck';
}
