import type { App, AppContext } from '../../platform/app-context.ts';
import { auditRoutes } from './audit.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { userRoutes } from './users.routes.ts';

export { facilityOfUser } from './access.queries.ts';
export { type Grant, hasPermission, inScope, type Scope, scopeFor } from './access.rules.ts';
export { BREAK_GLASS_HEADER, installAccessControl } from './access-control.ts';
export type { Principal } from './auth.service.ts';
export { type PasswordHolder, usersWithPassword } from './password-holders.ts';
export { loadRoleCatalogue, roleIds } from './roles.ts';
export { createUser, type NewUser } from './users.service.ts';

/** The access module's routes: sign-in, users and roles, the audit log. */
export function accessRoutes(app: App, ctx: AppContext): void {
  authRoutes(app, ctx);
  userRoutes(app);
  auditRoutes(app);
}
