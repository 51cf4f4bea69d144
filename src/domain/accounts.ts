/**
 * Who may do what. Readers are anonymous and see published data only; a country editor proposes changes
 * for its own countries; a curator reviews and publishes for all; an admin manages accounts.
 */
export const ROLES = ['editor', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface Account {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** ISO3 codes an editor speaks for; empty for curators and admins. */
  countries: string[];
  disabled: boolean;
  createdAt: string;
}

/** Whether an account may propose a change to a country's entries. */
export function canPropose(account: Account, iso3: string): boolean {
  if (account.disabled) return false;
  if (account.role === 'curator') return true;
  return account.role === 'editor' && account.countries.includes(iso3);
}

/** Whether an account may accept or return proposals (publishing them). */
export function canReview(account: Account): boolean {
  return !account.disabled && account.role === 'curator';
}

export function canManageAccounts(account: Account): boolean {
  return !account.disabled && account.role === 'admin';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** The shortest password accepted; long passphrases beat character-class rules. */
export const MIN_PASSWORD_LENGTH = 12;
