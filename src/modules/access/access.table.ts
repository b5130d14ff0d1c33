import type { Generated, Insertable, Selectable } from 'kysely';

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  worker_id: string | null;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
}

export interface UserRoleTable {
  id: string;
  user_id: string;
  /** A role id from protocols/roles.json. */
  role: string;
  area_id: string | null;
  facility_id: string | null;
  /** Where the role applies: an area path; null for everywhere (administrator). */
  scope_path: string | null;
  granted_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface AuthSessionTable {
  id: string;
  user_id: string;
  kind: 'session' | 'api_key';
  /** SHA-256 of the secret: a stolen database does not give working tokens. */
  token_hash: string;
  csrf_token: string | null;
  name: string | null;
  created_at: Generated<Date>;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  user_id: string | null;
  username: string | null;
  role: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  detail: string | null;
  status: number | null;
  ip: string | null;
  user_agent: string | null;
  reason: string | null;
  flagged: Generated<boolean>;
}

/** Sign-in failures in a row for one key (an account or a source address): see THROTTLE. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Date;
}

export type AppUserRow = Selectable<AppUserTable>;
export type UserRoleRow = Selectable<UserRoleTable>;
export type AuthSessionRow = Selectable<AuthSessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
