// /stories/:id and /api/stories/:id: one story, its copies, sources and the rules they matched.
import type { Hono } from 'hono';
import { getStoryDetail } from '../../store/story-detail.ts';
import type { WorkspaceDeps } from '../app.tsx';
import { accountOf } from '../auth.tsx';
import { analystTimeZone } from '../event-query.ts';
import { fail, readId } from '../page-query.ts';
import { StoryPage } from '../pages/story.tsx';
import { toApiStory, viewStory } from '../workspace-view.ts';
import { badRequestJson, documentOf, notFoundJson, notFoundText } from './respond.ts';

const BAD_ID = fail('id', 'expected a story number, such as /stories/42');

export function registerStoryRoutes(app: Hono, deps: WorkspaceDeps): void {
  app.get('/api/stories/:id', async (c) => {
    const id = readId(c.req.param('id'));
    if (id === undefined) return badRequestJson(c, BAD_ID);
    const story = await getStoryDetail(deps.store.db, id);
    if (!story) return notFoundJson(c, `no story ${id}`);
    return c.json(toApiStory(viewStory(story, deps.config)));
  });

  app.get('/stories/:id', async (c) => {
    const id = readId(c.req.param('id'));
    if (id === undefined) return c.text(`${BAD_ID.parameter}: ${BAD_ID.message}\n`, 400);
    const story = await getStoryDetail(deps.store.db, id);
    if (!story) return notFoundText(c, `no story ${id}`);
    const timeZone = analystTimeZone(deps.config.notify);
    return c.html(documentOf(<StoryPage
          story={viewStory(story, deps.config)}
          timeZone={timeZone}
          account={accountOf(c)}
        />));
  });
}
