import { seedGuid } from '../prng';
import type { UserSeed } from './user-book';
import type { Users } from './users';

export interface AdminAccountSeed {
  id: string;
  user_id: string;
  created_at: string;
}

/**
 * One admin account per user, created with the user: the seeded accounts first
 * (SEED_ADMIN_ACCOUNT_IDS), then the staff and the account holders. No randomness.
 */
export function generateAdminAccounts(users: Users): AdminAccountSeed[] {
  const holders: UserSeed[] = [...users.accounts, ...users.staff, ...users.accountHolders];
  return holders.map((u, i) => ({ id: seedGuid(i + 1), user_id: u.id, created_at: u.created_at }));
}
