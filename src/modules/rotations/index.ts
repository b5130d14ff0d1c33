// PLACEHOLDER until the rotations module lands (helper B replaces this file).
import type { App, AppContext } from '../../platform/app-context.ts';
export function rotationRoutes(_app: App, _ctx: AppContext): void {}
