import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../test/support/engines.ts';

/** Every Schema Object in an OpenAPI document, with where it is (for a readable failure). */
function schemasIn(node: unknown, at: string, out: [string, object][] = []): [string, object][] {
  if (!node || typeof node !== 'object') return out;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'schema' && value && typeof value === 'object') out.push([`${at}/${key}`, value]);
    else schemasIn(value, `${at}/${key}`, out);
  }
  return out;
}

describeOnBothEngines('the OpenAPI document', (t) => {
  test('is a valid OpenAPI 3.1 document', async () => {
    const res = await t().inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeDefined();
  });

  // The 3.1 meta-schema checks Schema Objects loosely (they are JSON Schema 2020-12): compile each one
  // strictly, so an unknown keyword or a 3.0 leftover such as `nullable` fails here.
  test('every schema in it is strict JSON Schema 2020-12', async () => {
    const doc = (await t().inject({ url: '/api/docs/json' })).json();
    const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
    addFormats.default(ajv); // a CommonJS module: its function is also its `default`
    ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
    const schemas = [
      ...schemasIn(doc.paths, '#/paths'),
      ...Object.entries<object>(doc.components?.schemas ?? {}).map(
        ([name, s]) => [`#/components/schemas/${name}`, s] as [string, object],
      ),
    ];
    expect(schemas.length).toBeGreaterThan(50);
    const invalid = schemas.flatMap(([at, schema]) => {
      try {
        ajv.compile(schema);
        return [];
      } catch (err) {
        return [`${at}: ${(err as Error).message}`];
      }
    });
    expect(invalid).toEqual([]);
  });
});
