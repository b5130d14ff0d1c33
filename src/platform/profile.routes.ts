import type { App, AppContext } from './app-context.ts';
import { CountryProfileSchema } from './profile.ts';

/**
 * The country profile in force (levels, tiers, facility kinds, cadres, targets, card formats): rule data,
 * public like the regulations it comes from. The web app builds its pickers and checks from it.
 */
export function profileRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/profile',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'The country profile in force',
        security: [],
        response: { 200: CountryProfileSchema },
      },
    },
    async () => ctx.profile,
  );
}
