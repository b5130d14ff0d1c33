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
  'diagnoses',
  'medicines',
  'services',
  'capabilities',
] as const;

export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/**
 * The permission a kind needs besides `registry.import` / `registry.export`: the catalogues are
 * changed by whoever holds catalog.write and read by catalog.read (protocols/roles.json).
 */
export const KIND_PERMISSIONS: Partial<Record<RegistryKind, { import: string; export: string }>> = {
  diagnoses: { import: 'catalog.write', export: 'catalog.read' },
  medicines: { import: 'catalog.write', export: 'catalog.read' },
  services: { import: 'catalog.write', export: 'catalog.read' },
  capabilities: { import: 'registry.import', export: 'services.read' },
};
