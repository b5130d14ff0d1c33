export { capacityRoutes } from './capacity.routes.ts';
export { capacityOf } from './capacity.service.ts';
