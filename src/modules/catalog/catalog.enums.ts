/** The kinds of a catalogue service (one list: table check, schema, CSV and web app read it). */
export const SERVICE_KINDS = ['examination', 'test', 'imaging', 'procedure', 'vaccination', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** The kinds of catalogue. */
export const CATALOGUE_KINDS = ['diagnoses', 'medicines', 'services'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];
