// The HTML frame of vigie's mails: one document with inline styles, and safe article links.
import { escapeHtml, safeHref, singleLine } from './format.ts';

const BODY =
  'font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a;line-height:1.45;margin:0;padding:16px';
const TITLE = 'font-size:15px;font-weight:bold;color:#0b57d0;text-decoration:none';
const URL_TEXT = 'color:#555;font-size:12px';

/** The title linked to the article; an unsafe URL (javascript:, data:) is shown, not linked. */
export function linkHtml(title: string, url: string): string {
  const href = safeHref(url);
  const label = escapeHtml(singleLine(title) || url);
  if (!href)
    return `<span style="${TITLE}">${label}</span> <span style="${URL_TEXT}">${escapeHtml(url)}</span>`;
  return `<a href="${escapeHtml(href)}" style="${TITLE}">${label}</a>`;
}

/**
 * A whole HTML document with inline styles only: mail clients drop <style> and never run scripts.
 * `title` and `body` are HTML already escaped.
 */
export function htmlDocument(title: string, body: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${title}</title></head>
<body style="${BODY}">
${body}
</body></html>
`;
}
