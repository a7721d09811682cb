// /stories/:id: one story's copies and sources in time order, and every rule its articles matched.
import { countOf, safeHref } from '../../notify/format.ts';
import type { StoryView } from '../workspace-view.ts';
import type { Account } from '../auth.tsx';
import { Layout } from './layout.tsx';
import { formatScore, Severity, Time } from './parts.tsx';

export function StoryPage(props: {
  story: StoryView;
  timeZone: string;
  account?: Account | undefined;
}) {
  const { story, timeZone } = props;
  return (
    <Layout title={`Story ${story.id}`} account={props.account}>
      <h1>{story.title || `Story ${story.id}`}</h1>
      <p class="meta">
        {`Story ${story.id}: ${countOf(story.copies.length, 'copy', 'copies')} from ${countOf(story.sourceCount, 'source', 'sources')}, first seen `}
        <Time at={story.firstSeenAt} timeZone={timeZone} />
        {', last seen '}
        <Time at={story.lastSeenAt} timeZone={timeZone} />
      </p>
      <h2>Timeline</h2>
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">Published</th>
            <th scope="col">Title</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {story.copies.map((copy) => {
            const href = safeHref(copy.url);
            return (
              <tr>
                <td>
                  <Time at={copy.countedAt} timeZone={timeZone} />
                </td>
                <td>{href ? <a href={href}>{copy.title || copy.url}</a> : copy.title || copy.url}</td>
                <td>{copy.sources.join(', ') || copy.source}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Rules matched</h2>
      {story.matches.length === 0 ? (
        <p>No rule matched an article of this story.</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">Matched</th>
              <th scope="col">Rule</th>
              <th scope="col">Score</th>
              <th scope="col">Regions</th>
              <th scope="col">Article</th>
            </tr>
          </thead>
          <tbody>
            {story.matches.map((match) => (
              <tr>
                <td>
                  <Time at={match.matchedAt} timeZone={timeZone} />
                </td>
                <td>
                  <a href={`/rules/${encodeURIComponent(match.rule)}`}>{match.ruleName}</a>{' '}
                  <Severity severity={match.severity} />
                </td>
                <td class="n">{formatScore(match.score)}</td>
                <td>{match.regions.map((region) => region.name).join(', ') || '—'}</td>
                <td>
                  {story.copies.find((copy) => copy.articleId === match.articleId)?.title ??
                    `article ${match.articleId}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
