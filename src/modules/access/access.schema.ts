import Type, { type Static } from 'typebox';
import { Nullable, Uuid } from '../../platform/schema.ts';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const RoleOfUser = Type.Object({
  role: Type.String(),
  scopePath: Nullable(Type.String()),
});

export const LoginReply = Type.Object({
  token: Type.String({
    description: 'Send as "Authorization: Bearer <token>"; also set as the session cookie',
  }),
  csrfToken: Type.String({ description: 'Send as the X-CSRF-Token header with the cookie on writes' }),
  expiresAt: Type.String({ format: 'date-time' }),
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(RoleOfUser),
  }),
});

const PlaceOfRole = Type.Object({
  role: Type.String(),
  scopePath: Nullable(Type.String()),
  area: Nullable(
    Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), level: Type.String() }),
  ),
  facility: Nullable(
    Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), kind: Type.String() }),
  ),
});

export const SessionReply = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    workerId: Nullable(Type.String()),
  }),
  roles: Type.Array(PlaceOfRole, { description: 'Each role with the area or facility it applies to' }),
  permissions: Type.Array(Type.String()),
  csrfToken: Nullable(Type.String()),
  via: Type.String(),
});

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const PasswordResetBody = Type.Object(
  { newPassword: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);

export const RoleRequestBody = Type.Object(
  {
    role: Type.String({ minLength: 1 }),
    area: Type.Optional(Type.String({ minLength: 1, description: 'Area id or code, for area-bound roles' })),
    facility: Type.Optional(
      Type.String({ minLength: 1, description: 'Facility id or code, for facility-bound roles' }),
    ),
  },
  { additionalProperties: false },
);

export const NewUserBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 50 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ maxLength: 200 }),
    workerId: Type.Optional(Uuid()),
    roles: Type.Array(RoleRequestBody, { maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  workerId: Nullable(Type.String()),
  active: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  roles: Type.Array(
    Type.Object({
      id: Type.String(),
      role: Type.String(),
      areaId: Nullable(Type.String()),
      facilityId: Nullable(Type.String()),
      scopePath: Nullable(Type.String()),
    }),
  ),
});

export const IdParams = Type.Object({ id: Uuid() });
export const GrantParams = Type.Object({
  id: Uuid(),
  grantId: Uuid(),
});

export const ApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export const ApiKeyReply = Type.Object({
  id: Type.String(),
  name: Type.String(),
  key: Type.String({ description: 'Shown once: store it now' }),
  expiresAt: Nullable(Type.String()),
});

export const AuditQuery = Type.Object({
  user: Type.Optional(Type.String({ description: 'Username' })),
  action: Type.Optional(Type.String()),
  resourceType: Type.Optional(Type.String()),
  resourceId: Type.Optional(Type.String()),
  flagged: Type.Optional(Type.Boolean()),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(
    Type.String({ pattern: '^[0-9]+$', description: 'The nextCursor of the previous page' }),
  ),
});

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  userId: Nullable(Type.String()),
  username: Nullable(Type.String()),
  role: Nullable(Type.String()),
  action: Type.String(),
  resourceType: Nullable(Type.String()),
  resourceId: Nullable(Type.String()),
  detail: Nullable(Type.String()),
  status: Nullable(Type.Integer()),
  ip: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  flagged: Type.Boolean(),
});

export type AuditQueryType = Static<typeof AuditQuery>;
export type LoginBody = Static<typeof LoginBody>;
export type LoginReply = Static<typeof LoginReply>;
export type SessionReply = Static<typeof SessionReply>;
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;
