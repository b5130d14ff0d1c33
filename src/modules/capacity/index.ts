// PLACEHOLDER until the capacity module lands (lead replaces this file).
import type { App, AppContext } from '../../platform/app-context.ts';
export function capacityRoutes(_app: App, _ctx: AppContext): void {}
