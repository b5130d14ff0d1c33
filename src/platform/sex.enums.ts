/**
 * Sex as a register records it, for residents and health workers alike. A pure file: the schemas,
 * the table types, the rules and the web app all read this one list.
 */
export const SEXES = ['male', 'female', 'other'] as const;
export type Sex = (typeof SEXES)[number];
