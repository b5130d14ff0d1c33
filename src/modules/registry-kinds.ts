/**
 * The registries that can be imported and exported as CSV, by the name used on the CLI and the API.
 * A list of names only, so that `grassroots --help` can print them without loading the modules.
 */
export const REGISTRY_KINDS = [
  'areas',
  'facilities',
  'workers',
  'households',
  'residents',
  'insurance-cards',
] as const;

export type RegistryKind = (typeof REGISTRY_KINDS)[number];
