// The workspace pages beyond /events (issue 15 part 2) and their JSON (part 6), registered on the app.
import type { Hono } from 'hono';
import type { WorkspaceDeps } from '../app.tsx';
import { registerAlertRoutes } from './alerts.tsx';
import { registerFeedRoutes } from './feeds.tsx';
import { registerRuleRoutes } from './rules.tsx';
import { registerStoryRoutes } from './stories.tsx';

export function registerPageRoutes(app: Hono, deps: WorkspaceDeps): void {
  registerStoryRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerRuleRoutes(app, deps);
  registerFeedRoutes(app, deps);
}
