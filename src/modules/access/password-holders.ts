import { verify } from '@node-rs/argon2';
import type { Db } from '../../platform/db/database.ts';
import { findUserByUsername } from './access.queries.ts';
import { findGrantsOfUsers } from './users.queries.ts';

/** A user who still signs in with a given password, and where their roles apply. */
export interface PasswordHolder {
  username: string;
  displayName: string;
  grants: { role: string; scopePath: string | null }[];
}

/**
 * The active users among `usernames` whose password is still `password`, in the order asked: the
 * server prints the demo logins at every start on demo data, but not one whose password was changed.
 */
export async function usersWithPassword(
  db: Db,
  usernames: string[],
  password: string,
): Promise<PasswordHolder[]> {
  const users = await Promise.all(
    usernames.map(async (username) => {
      const user = await findUserByUsername(db, username);
      if (!user?.active || !(await verify(user.password_hash, password).catch(() => false))) return undefined;
      return user;
    }),
  );
  const found = users.filter((u) => u !== undefined);
  const grants = await findGrantsOfUsers(
    db,
    found.map((u) => u.id),
  );
  return found.map((u) => ({
    username: u.username,
    displayName: u.display_name,
    grants: grants.filter((g) => g.user_id === u.id).map((g) => ({ role: g.role, scopePath: g.scope_path })),
  }));
}
