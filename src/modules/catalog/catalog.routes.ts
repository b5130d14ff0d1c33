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

  app.get(
    '/catalog/medicines',
    doc(
      read,
      "Search the profile's medicines (code, name, ingredient, ATC), with the price in force on ?date",
      {
        querystring: MedicineQuery,
        response: { 200: MedicinePage },
      },
    ),
    (req) => searchMedicines(req.ctx, req.query),
  );

  app.get(
    '/catalog/medicines/:id',
    doc(read, 'One medicine with its price history', {
      params: ItemParams,
      querystring: ItemDateQuery,
      response: { 200: MedicineDetail },
    }),
    (req) => medicineDetail(req.ctx, req.params.id, req.query.date),
  );

  app.post(
    '/catalog/medicines/:id/prices',
    doc(write, 'A new price from a date: the previous one ends the day before (history is never edited)', {
      params: ItemParams,
      body: NewPriceBody,
      response: { 200: MedicineDetail, 201: MedicineDetail },
    }),
    async (req, reply) => {
      const { created: isNew, item } = await addMedicinePrice(req.ctx, req.params.id, req.body);
      return isNew ? created(reply, item) : item;
    },
  );

  app.get(
    '/catalog/services',
    doc(
      read,
      "Search the profile's services (examinations, tests, procedures) with the price in force on ?date",
      {
        querystring: ServiceQuery,
        response: { 200: ServicePage },
      },
    ),
    (req) => searchServices(req.ctx, req.query),
  );

  app.get(
    '/catalog/services/:id',
    doc(read, 'One service with its price history', {
      params: ItemParams,
      querystring: ItemDateQuery,
      response: { 200: ServiceDetail },
    }),
    (req) => serviceDetail(req.ctx, req.params.id, req.query.date),
  );

  app.post(
    '/catalog/services/:id/prices',
    doc(write, 'A new price from a date: the previous one ends the day before (history is never edited)', {
      params: ItemParams,
      body: NewPriceBody,
      response: { 200: ServiceDetail, 201: ServiceDetail },
    }),
    async (req, reply) => {
      const { created: isNew, item } = await addServicePrice(req.ctx, req.params.id, req.body);
      return isNew ? created(reply, item) : item;
    },
  );
}
