import type { Static, TSchema } from 'typebox';
import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import {
  Diagnosis,
  DiagnosisPage,
  DiagnosisParams,
  DiagnosisQuery,
  ItemDateQuery,
  ItemParams,
  MedicineDetail,
  MedicinePage,
  MedicineQuery,
  NewPriceBody,
  ServiceDetail,
  ServicePage,
  ServiceQuery,
} from './catalog.schema.ts';
import {
  addMedicinePrice,
  addServicePrice,
  diagnosisByCode,
  medicineDetail,
  searchDiagnoses,
  searchMedicines,
  searchServices,
  serviceDetail,
} from './catalog.service.ts';

const doc = routeDoc(['catalog']);
const read = { permission: 'catalog.read' } as const;
const write = { permission: 'catalog.write' } as const;

/** The national catalogues: /api/catalog/diagnoses, /medicines, /services, and their prices. */
export function catalogRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/catalog/diagnoses',
    doc(read, 'Search ICD-10 diagnoses by code prefix or by words in vi/zh/en, accents optional', {
      querystring: DiagnosisQuery,
      response: { 200: DiagnosisPage },
    }),
    (req) => searchDiagnoses(req.db, req.query),
  );

  app.get(
    '/catalog/diagnoses/:code',
    doc(read, "One diagnosis by its ICD-10 code ('E11.9', or as typed: 'e119')", {
      params: DiagnosisParams,
      response: { 200: Diagnosis },
    }),
    (req) => diagnosisByCode(req.db, req.params.code),
  );

  pricedRoutes(app, 'medicines', {
    search: "Search the profile's medicines (code, name, ingredient, ATC), with the price in force on ?date",
    query: MedicineQuery,
    page: MedicinePage,
    detail: MedicineDetail,
    noun: 'medicine',
    handlers: { search: searchMedicines, one: medicineDetail, addPrice: addMedicinePrice },
  });
  pricedRoutes(app, 'services', {
    search:
      "Search the profile's services (examinations, tests, procedures) with the price in force on ?date",
    query: ServiceQuery,
    page: ServicePage,
    detail: ServiceDetail,
    noun: 'service',
    handlers: { search: searchServices, one: serviceDetail, addPrice: addServicePrice },
  });
}

/**
 * A priced catalogue's routes, the same for medicines and services: `GET /catalog/<kind>` searches,
 * `GET /catalog/<kind>/:id` gives one item with its price history, `POST /catalog/<kind>/:id/prices` adds a
 * price from a date (201, or 200 with the stored item for the same price again).
 */
function pricedRoutes<Q extends TSchema, Page extends TSchema, D extends TSchema>(
  app: App,
  kind: 'medicines' | 'services',
  r: {
    search: string;
    query: Q;
    page: Page;
    detail: D;
    noun: string;
    handlers: {
      search: (ctx: AppContext, query: Static<Q>) => Promise<Static<Page>>;
      one: (ctx: AppContext, id: string, date?: string) => Promise<Static<D>>;
      addPrice: (
        ctx: AppContext,
        id: string,
        body: NewPriceBody,
      ) => Promise<{ created: boolean; item: Static<D> }>;
    };
  },
): void {
  // Fastify cannot resolve a reply type from a generic schema: the handlers' own types are checked instead.
  const { handlers } = r;
  const url = `/catalog/${kind}`;
  app.get(
    url,
    doc(read, r.search, { querystring: r.query, response: { 200: r.page } }),
    (req) => handlers.search(req.ctx, req.query as Static<Q>) as never,
  );
  app.get(
    `${url}/:id`,
    doc(read, `One ${r.noun} with its price history`, {
      params: ItemParams,
      querystring: ItemDateQuery,
      response: { 200: r.detail },
    }),
    (req) => handlers.one(req.ctx, req.params.id, req.query.date) as never,
  );
  app.post(
    `${url}/:id/prices`,
    doc(write, 'A new price from a date: the previous one ends the day before (history is never edited)', {
      params: ItemParams,
      body: NewPriceBody,
      response: { 200: r.detail, 201: r.detail },
    }),
    (req, reply) =>
      handlers
        .addPrice(req.ctx, req.params.id, req.body)
        .then(({ created: isNew, item }) => (isNew ? created(reply, item) : item)) as never,
  );
}
