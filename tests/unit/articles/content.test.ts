// Choosing the article's container: page shapes the scorer used to get wrong, each built to fail the old way.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/articles/extract.ts';

/** A paragraph long enough to score, with commas, numbered so each one can be looked for. */
function paragraph(label: string): string {
  return `<p>${label}: the army said on Tuesday that fighters, backed by drones and artillery, had retaken the town after a week of clashes, according to officials.</p>`;
}

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>Town retaken</title></head><body>${body}</body></html>`;
}

function caption(index: number): string {
  return `<li><h2>${index}/30</h2><p>Gallery caption ${index}, a celebrity, a football club, a new phone and a film premiere, all in pictures.</p></li>`;
}

const gallery = `<ul class="legends">${Array.from({ length: 30 }, (_, index) => caption(index + 1)).join('')}</ul>`;

const teasers = Array.from(
  { length: 12 },
  (_, index) =>
    `<div class="teaser"><a href="/${index}">Other story ${index}: a celebrity, a football club and a new phone</a> seen by readers today</div>`,
).join('');

/** Other posts with their excerpts, as a blog's side column lists them. */
const excerpts = Array.from(
  { length: 6 },
  (_, index) =>
    `<div class="post"><a href="/${index}">Other story ${index}</a><p>March ${index + 1}, 2025</p><p>Excerpt ${index}: when the agency denies a claim, applicants wonder, more often than not, whether they can appeal, how long it takes, and what it costs.</p></div>`,
).join('');

/** A newsletter's subjects, each a link, with its open rate beside. */
const openRates = ['Bad news from the town hall', 'Good news from the town hall', 'Old news']
  .map(
    (subject, index) =>
      `<li><a href="https://example.com/${index}">${subject}</a> – ${index + 15}.7%</li>`,
  )
  .join('');

describe('selectMainContent through extractArticle', () => {
  it.each([
    [
      'a page wrapped in one ASP.NET <form>',
      page(
        `<form id="aspnetForm"><nav><a href="/">Home</a></nav><div class="story"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}</div></form>`,
      ),
      ['A:', 'B:'],
      [],
    ],
    [
      'an <article> whose class names its author',
      page(
        `<div class="wrap"><article class="post author-jane type-post"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}</article></div>`,
      ),
      ['A:', 'B:', 'C:'],
      [],
    ],
    [
      'an itemprop=articleBody beside a photo gallery with more text',
      page(
        `<h1>Town retaken</h1><div itemprop="articleBody">${paragraph('A')}${paragraph('B')}${paragraph('C')}</div><div class="full-gallery">${gallery}</div>`,
      ),
      ['A:', 'B:', 'C:'],
      ['Gallery caption'],
    ],
    [
      'a body split into blocks, each in a wrapper of its own',
      page(
        `<h1>Town retaken</h1><div class="article">${['A', 'B', 'C', 'D']
          .map(
            (label) =>
              `<div class="block"><div class="article-text">${paragraph(label)}${paragraph(`${label}2`)}</div></div>`,
          )
          .join(
            '<div class="ad-slot"></div>',
          )}</div><ul class="related"><li><a href="/x">Other story</a></li></ul>`,
      ),
      ['A:', 'B:', 'C:', 'D:', 'D2:'],
      ['Other story'],
    ],
    [
      'the rest of an article behind a "Read more" button, and a "read more" link box',
      page(
        `<div class="story-body"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}<div id="read-more"><a href="#">Read more</a><div id="read-more-content">${paragraph('C')}${paragraph('D')}</div></div><div class="read-more-links"><a href="/1">First other story</a> <a href="/2">Second other story</a></div></div>`,
      ),
      ['A:', 'B:', 'C:', 'D:'],
      ['First other story'],
    ],
    [
      'a block hidden with visibility: hidden',
      page(
        `<article><h1>Town retaken</h1><div style="visibility: hidden">${paragraph('H')}</div>${paragraph('A')}${paragraph('B')}</article>`,
      ),
      ['A:', 'B:'],
      ['H:'],
    ],
    [
      "an article whose only container has a class the scorer rejects (a video page's caption)",
      page(
        `<h1>Town retaken</h1><div class="item-caption"><div class="details">${paragraph('A')}${paragraph('B')}</div></div><div class="teasers">${teasers}</div>`,
      ),
      ['A:', 'B:'],
      ['Other story'],
    ],
    [
      "sections whose ids are their headings' slugs, words of which read like a share bar",
      page(
        `<div class="body"><h1>Town retaken</h1><div class="section" id="the-siege"><h2>The siege</h2>${paragraph('A')}${paragraph('A2')}</div><div class="section" id="sharing-the-spoils"><h2>Sharing the spoils</h2>${paragraph('B')}${paragraph('B2')}</div><div class="section" id="related-towns"><h2>Related towns</h2>${paragraph('C')}${paragraph('C2')}</div><div id="share-bar"><h2>Share</h2><p>Share this story with your friends and family today</p></div></div>`,
      ),
      ['A:', 'B:', 'C:', 'Sharing the spoils'],
      ['Share this story'],
    ],
    [
      "a lead in a sibling of the body's wrapper class, nested deeper than the scores climb",
      page(
        `<div id="post"><h1>Town retaken</h1><div class="acf-content"><div><div><div><div><div>${paragraph('L')}${paragraph('L2')}</div></div></div></div></div></div><figure><img src="a.jpg"></figure><div class="acf-content"><section><div class="flex"><div class="post-content">${['A', 'B', 'C', 'D', 'E'].map((label) => paragraph(label)).join('')}</div></div></section></div><div class="acf-content"><a href="/1">Other story</a></div></div>`,
      ),
      ['L:', 'L2:', 'A:', 'E:'],
      ['Other story'],
    ],
    [
      'a banner <aside> left unclosed around the whole page',
      page(
        `<aside class="announcement"><a href="/events">Our conference is coming</a><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav><main><article><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}</article></main>`,
      ),
      ['A:', 'B:', 'C:'],
      ['Home'],
    ],
    [
      "Elementor's post-content widget, whose inner wrapper's class says only widget",
      page(
        `<h1>Town retaken</h1><div class="elementor-widget elementor-widget-theme-post-content"><div class="elementor-widget-container">${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}</div></div><div class="elementor-widget elementor-widget-posts side-posts">${excerpts}</div><div class="more">${teasers}</div>`,
      ),
      ['A:', 'B:', 'C:'],
      ['Other story'],
    ],
    [
      'a body marked itemprop=articleBody in three parts between ads',
      page(
        `<article><h1>Town retaken</h1><div class="lead-media"><img src="a.jpg"></div>${[
          ['A', 'B'],
          ['C', 'D', 'E', 'F'],
          ['G', 'H', 'I'],
        ]
          .map(
            (labels, index) =>
              `<div class="container"><div class="inner"><section id="section-${index}" itemprop="articleBody">${labels.map((label) => paragraph(label)).join('')}</section></div></div><div class="ad-slot"></div>`,
          )
          .join('')}</article><div class="more">${teasers}</div>`,
      ),
      ['A:', 'B:', 'C:', 'F:', 'G:', 'I:'],
      ['Other story'],
    ],
    [
      "an article React streams after the page's shell, in a hidden segment its script moves in",
      page(
        `<header><a href="/">Home</a></header><main><h1>Town retaken</h1><template id="B:0"></template><p>Loading paragraph...</p></main><div class="cta"><p>S: get more from your money, with our email updates, discounts and offers, every week in your inbox.</p><p>S2: our experts answer your questions, compare the offers, and tell you which ones are worth it.</p><p>S3: no spam, ever, and you can leave with one click whenever you like.</p></div><div hidden id="modal"><p>H: a hidden sign-up form, with a long text that would score, and commas, to be sure.</p></div><div hidden id="S:0"><div class="prose">${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}</div></div><script>$RC("B:0","S:0")</script>`,
      ),
      ['A:', 'B:', 'C:', 'D:'],
      ['H:'],
    ],
    [
      'an article React streams section by section, each segment a sibling at the body level',
      page(
        `<header><a href="/">Home</a></header><main><h1>Town retaken</h1><template id="B:0"></template><template id="B:1"></template><template id="B:2"></template></main><div hidden id="S:1"><div class="prose"><h2>What happened next</h2><p>L: the mayor said the town hall would reopen next week and that the schools should follow soon after the water and the power come back to the whole of the old quarter and the valley below it</p></div></div><div hidden id="S:0"><div class="prose">${['A', 'B', 'C', 'D', 'E', 'F'].map(paragraph).join('')}</div></div><div hidden id="S:2"><div class="links"><a href="/a">Other story one, a celebrity and a phone</a> <a href="/b">Other story two, a club and a film premiere</a> <a href="/c">Other story three, a new phone and a recipe</a> <a href="/d">Other story four, a premiere</a></div></div><script>$RC("B:0","S:0");$RC("B:1","S:1");$RC("B:2","S:2")</script>`,
      ),
      ['A:', 'F:', 'L:'],
      ['Other story'],
    ],
    [
      'a sidebar filling a column whose class says body',
      page(
        `<div id="left" class="bodycol"><div class="sidebar">${paragraph('S')}${paragraph('S2')}</div></div><div id="center" class="bodycol"><div class="story"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}${paragraph('E')}</div></div>`,
      ),
      ['A:', 'B:', 'C:'],
      ['S:', 'S2:'],
    ],
    [
      'a lede and two paragraphs above the rest of the article, wrapped behind a "Read more" label',
      page(
        `<div class="story-body"><h1>Town retaken</h1><div class="story-intro">${paragraph('L')}</div>${paragraph('A')}${paragraph('B')}<div id="read-more"><span>Read more</span><div id="read-more-content">${paragraph('C')}${paragraph('D')}${paragraph('E')}${paragraph('F')}${paragraph('G')}${paragraph('H')}</div></div></div><div class="teasers">${teasers}</div>`,
      ),
      ['L:', 'A:', 'B:', 'C:', 'H:'],
      ['Other story'],
    ],
    [
      "an author's box with a long bio at the end of the article",
      page(
        `<article class="post"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}<div class="saboxplugin-wrap" itemprop="author"><p>Jane Doe is a reporter who has covered the war since 2014, for newspapers, radio stations and television channels in Europe and in the Middle East, and the author of two books on the region.</p></div></article>`,
      ),
      ['A:', 'B:', 'C:'],
      ['Jane Doe is a reporter'],
    ],
    [
      'a post of one line beside the blurb of an <aside>',
      page(
        `<div class="post"><h1>In the pink</h1><p>6 Nov 2012</p></div><aside><p>Street style in London: the longest running street fashion blog, documenting what people wear across the city, season after season, since 2006.</p></aside>`,
      ),
      ['6 Nov 2012'],
      ['Street style'],
    ],
    [
      'a second copy of the article under a class the style sheet hides (Webflow)',
      page(
        `<div class="blog-content"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}</div><main class="post-main hide"><article>${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}${paragraph('Hidden copy')}</article></main>`,
      ),
      ['A:', 'B:', 'C:'],
      ['Hidden copy'],
    ],
    [
      "a menu's flyout of section descriptions, invisible until opened (Tailwind's invisible)",
      page(
        `<div class="post"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}</div><div class="invisible absolute lg:hidden lg:visible"><div class="c-layout-menu">${['M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Z2', 'Z3', 'Z4'].map((label) => `<div><h2>Section ${label}</h2>${paragraph(label)}</div>`).join('')}</div></div>`,
      ),
      ['A:', 'D:'],
      ['M:', 'Z4:'],
    ],
    [
      "an accordion's folded answers, hidden by a class or a style until their question is clicked",
      page(
        `<article><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}<h2>FAQ</h2><div class="faq-list"><button aria-controls="answer-1">Who holds the town?</button><div id="answer-1" class="answer hidden">${paragraph('E')}</div></div><h3 id="q2">What of the roads?</h3><div role="region" aria-labelledby="q2" style="display:none">${paragraph('F')}</div></article>`,
      ),
      ['A:', 'D:', 'E:', 'F:'],
      [],
    ],
    [
      "sections in CKEditor's ck-widget blocks, an editor's name for them",
      page(
        `<article><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}<div class="ck-widget bs_grid"><h2>The siege</h2>${paragraph('E')}</div><div class="ck-widget bs_grid"><h2>The aftermath</h2>${paragraph('F')}</div></article><div class="widget recent-posts"><p>Other story, a celebrity, a football club and a new phone, all in one week.</p></div>`,
      ),
      ['A:', 'D:', 'E:', 'F:', 'The aftermath'],
      ['Other story'],
    ],
    [
      'a HubSpot post in rich-text modules, each a widget by its class',
      page(
        `<div class="body-container"><h1>Town retaken</h1><div class="post-body">${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}<div class="hs_cos_wrapper hs_cos_wrapper_widget widget-type-rich_text"><h2>What next</h2>${paragraph('E')}</div><div class="span12 widget-span widget-type-cell">${paragraph('F')}</div></div></div>`,
      ),
      ['A:', 'D:', 'E:', 'F:', 'What next'],
      [],
    ],
    [
      "a code listing's comments, which its highlighter classes as comments",
      page(
        `<article><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}<pre><code class="language-bash"><span class="token comment"># clone the repository</span>\ngit clone https://example.org/repo.git\n<span class="hljs-comment"># view its state</span>\ngit status</code></pre></article>`,
      ),
      ['A:', 'D:', '# clone the repository', '# view its state', 'git status'],
      [],
    ],
    [
      "a body split into a page builder's sections, deeper than the scores climb",
      page(
        `<h1>Town retaken</h1><div class="builder-content">${[
          ['A', 'B', 'C', 'D'],
          ['E', 'F'],
        ]
          .map(
            (labels) =>
              `<div class="builder-section"><div class="builder-row"><div class="builder-column"><div class="builder-text">${labels.map((label) => paragraph(label)).join('')}</div></div></div></div>`,
          )
          .join(
            '',
          )}</div><div class="more"><a href="/1">Other story</a> <a href="/2">Another story</a></div>`,
      ),
      ['A:', 'D:', 'E:', 'F:'],
      ['Other story'],
    ],
    [
      "a page builder's sections each headed by an <h1>: only the page's first is the headline",
      page(
        `<h1>Town retaken</h1><div class="builder-content"><div class="builder-section"><div class="builder-row"><div class="builder-column"><div class="builder-text"><h1>The siege</h1>${['A', 'B', 'C', 'D'].map((label) => paragraph(label)).join('')}</div></div></div></div><div class="builder-section"><div class="builder-row"><div class="builder-column"><div class="builder-text"><h1>The aftermath</h1>${['E', 'F'].map((label) => paragraph(label)).join('')}</div></div></div></div></div><div class="more"><a href="/1">Other story</a> <a href="/2">Another story</a></div>`,
      ),
      ['A:', 'D:', 'E:', 'F:'],
      ['Other story'],
    ],
    [
      "a page builder's section wrapped with a short callout, the rest of the body a level up",
      page(
        `<h1>Town retaken</h1><div class="builder-content"><div class="builder-wrap"><div class="builder-section"><div class="builder-row"><div class="builder-column"><div class="builder-text">${['A', 'B', 'C', 'D'].map((label) => paragraph(label)).join('')}</div></div></div></div><div class="callout"><a href="/tips">Send us your tips</a> from the front line</div></div><div class="builder-section"><div class="builder-row"><div class="builder-column"><div class="builder-text">${['E', 'F'].map((label) => paragraph(label)).join('')}</div></div></div></div></div><div class="more"><a href="/1">Other story</a> <a href="/2">Another story</a></div>`,
      ),
      ['A:', 'D:', 'E:', 'F:'],
      ['Other story'],
    ],
    [
      "a blog's list of posts, each under its linked title: one post's entry is not widened to the others",
      page(
        `<div id="content"><div class="post"><h2><a href="/first">Town retaken after a week of clashes</a></h2><div class="entry">${['A', 'B', 'C', 'D', 'E', 'F'].map((label) => paragraph(label)).join('')}</div></div><div class="post"><h2><a href="/second">Bridge rebuilt after the floods</a></h2><div class="entry">${['G', 'H', 'I'].map((label) => paragraph(label)).join('')}</div></div></div>`,
      ),
      ['A:', 'F:'],
      ['G:', 'I:'],
    ],
    [
      "a blog's list of posts, each under its date: one post's entry is not widened to the others",
      page(
        `<div id="content"><div class="post"><p class="meta">Posted on <time datetime="2025-03-01">Saturday, March 1, 2025 at 9:00</time></p><div class="entry">${['A', 'B', 'C', 'D', 'E', 'F'].map((label) => paragraph(label)).join('')}</div></div><div class="post"><p class="meta">Posted on <time datetime="2025-02-01">Saturday, February 1, 2025 at 9:00</time></p><div class="entry">${['G', 'H', 'I'].map((label) => paragraph(label)).join('')}</div></div></div>`,
      ),
      ['A:', 'F:'],
      ['G:', 'I:'],
    ],
    [
      "an article beside its post navigation, the column beside it another's prose",
      page(
        `<h1>Town retaken</h1><div class="columns"><div class="column-main"><div class="story">${['A', 'B', 'C', 'D', 'E', 'F'].map((label) => paragraph(label)).join('')}</div><ul class="postnav"><li><a href="/prev">« Previous post: the bridge</a></li><li><a href="/next">Next post: the floods »</a></li></ul></div><div class="column-side">${['S', 'T'].map((label) => paragraph(label)).join('')}</div></div>`,
      ),
      ['A:', 'F:'],
      ['S:', 'T:'],
    ],
    [
      "a buying guide whose reviews sit in product widgets, beside a sidebar's widget",
      page(
        `<article><h1>The best dishwashers</h1>${['I', 'J', 'K', 'L'].map((label) => paragraph(label)).join('')}${['A', 'B', 'C'].map((label) => `<div class="c-product-widget c-product-widget--big"><h2>Best pick ${label}</h2>${paragraph(label)}${paragraph(`${label}2`)}</div>`).join('')}</article><div class="widget popular-posts"><p>W: the most read stories of the week, from our readers, in one list.</p></div>`,
      ),
      ['I:', 'A:', 'B2:', 'C2:'],
      ['W:'],
    ],
    [
      "a block hidden on phones only (Tailwind's hidden lg:block, Bootstrap's d-none d-md-block), and screen-reader text",
      page(
        `<article><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}<div class="hidden lg:block">${paragraph('E')}</div><div class="d-none d-md-block">${paragraph('F')}</div><a class="visually-hidden" href="#more">Continue reading the main story</a></article>`,
      ),
      ['A:', 'E:', 'F:', 'Continue reading the main story'],
      [],
    ],
    [
      "a block editor's one-paragraph blocks around the columns block that scored, a contact box beside",
      page(
        `<h1>Town retaken</h1><section class="post-body">${['A', 'B'].map((label) => `<div class="block-paragraph">${paragraph(label)}</div>`).join('')}<div class="block-columns"><div class="columns"><div class="column">${['L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S'].map((label) => paragraph(label)).join('')}</div><div class="column"><p>Z: a column beside it, with a short quote from the mayor.</p></div></div></div><div class="block-paragraph">${paragraph('C')}</div></section><div class="box"><div class="box-inner"><h3>Contact</h3>${paragraph('X')}</div></div>`,
      ),
      ['A:', 'B:', 'L:', 'S:', 'Z:', 'C:'],
      ['X:'],
    ],
    [
      'sections not widened into the headline block beside them: the title is read apart',
      page(
        `<div class="post"><div class="lede"><h1>Town retaken</h1><p>Reported from the front line by our correspondent</p></div><div class="builder-section"><div class="builder-row"><div class="builder-column"><div class="builder-text">${paragraph('A')}${paragraph('B')}${paragraph('C')}${paragraph('D')}</div></div></div></div><div class="builder-section"><div class="builder-row"><div class="builder-column"><div class="builder-text">${paragraph('E')}${paragraph('F')}${paragraph('G')}${paragraph('H')}${paragraph('I')}</div></div></div></div></div>`,
      ),
      ['E:', 'I:'],
      ['Reported from the front line'],
    ],
    [
      "an old page's body as text and <br>s in a div, a last-modified line below, a column of paragraphs beside",
      page(
        `<div id="left"><h1>Town retaken</h1><div class="copy">${['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((label) => `${label}: the army said on Tuesday that fighters, backed by drones, tanks and artillery, had retaken the town, officials said.`).join('<br><br>')}<br><p class="small">Last modified: January 10, 2008</p></div></div><div id="right"><div class="column"><div class="box">${['V', 'W', 'X', 'Y', 'Z'].map(paragraph).join('')}</div></div></div>`,
      ),
      ['A:', 'H:'],
      ['V:', 'Z:'],
    ],
    [
      "ASP.NET's <form> around the centre column only, a longer column of paragraphs beside",
      page(
        `<div class="left"><div class="inner"><div class="column"><div class="box">${['T', 'U', 'V', 'W', 'X', 'Y', 'Z'].map((label) => paragraph(label)).join('')}</div></div></div></div><div class="centre"><form id="aspnetForm" method="post" action="article.aspx?id=1"><input type="hidden" name="__VIEWSTATE" value="x"><span class="title">Town retaken</span><div class="text">${['A', 'B', 'C', 'D'].map((label) => paragraph(label)).join('')}</div></form></div>`,
      ),
      ['A:', 'D:'],
      ['T:', 'Z:'],
    ],
    [
      "a template's unused modules, each a paragraph of Lorem ipsum, below a short article",
      page(
        `<div class="copy"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}</div><div class="modules">${Array.from({ length: 6 }, () => '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>').join('')}</div>`,
      ),
      ['A:', 'C:'],
      ['Lorem ipsum'],
    ],
    [
      'a list of links a paragraph announces, and one under "You might also like:"',
      page(
        `<article><h1>Town retaken</h1>${paragraph('A')}<p>The relief groups working in the town:</p><ul>${['Red Cross', 'Doctors Without Borders', 'World Food Programme'].map((name) => `<li><a href="https://example.com/${name.length}">${name}</a></li>`).join('')}</ul>${paragraph('B')}${paragraph('C')}<p>You might also like:</p><ul>${['Floods in the north', 'A bridge reopens'].map((name) => `<li><a href="/${name.length}">${name}</a></li>`).join('')}</ul></article>`,
      ),
      ['A:', 'Red Cross', 'World Food Programme', 'C:'],
      ['Floods in the north', 'A bridge reopens'],
    ],
    [
      "an advertisement's label, a photo's controls and a reading time between the paragraphs",
      page(
        `<article><h1>Town retaken</h1><span>4 min read</span>${paragraph('A')}<div>ADVERTISEMENT</div>${paragraph('B')}<p>Story continues below advertisement</p><div><img src="a.jpg"><span>Click photo to enlarge</span></div>${paragraph('C')}<p>Advertising revenue fell by a third in the town, the chamber of commerce said.</p></article>`,
      ),
      ['A:', 'B:', 'C:', 'Advertising revenue fell'],
      ['ADVERTISEMENT', 'continues below', 'Click photo', 'min read'],
    ],
    [
      'a list of links with words of their own between two paragraphs, and a list of titles after the last',
      page(
        `<article><h1>Town retaken</h1>${paragraph('A')}<ul>${openRates}</ul>${paragraph('B')}${paragraph('C')}<ul><li><a href="/1">Floods in the north</a></li><li><a href="/2">A bridge reopens</a></li></ul><p>Follow us on Twitter and Facebook</p></article>`,
      ),
      ['A:', 'Bad news from the town hall', 'Old news', 'C:'],
      ['Floods in the north', 'A bridge reopens'],
    ],
    [
      'a short post filed under "social media" and tagged "sharing", beside a longer blurb',
      page(
        `<div id="main"><div class="post-12 post type-post status-publish category-social-media tag-sharing hentry"><h2>Town retaken</h2><div class="entry-content">${paragraph('A')}${paragraph('B')}</div></div></div><div id="extra"><p>${'About this blog: a reporter’s notes from the front, the towns, the people and the roads between them, written over ten years. '.repeat(6)}</p></div>`,
      ),
      ['A:', 'B:'],
      [],
    ],
    [
      "a guide's short introduction beside its body, a table of contents a level up",
      page(
        `<h1>Town retaken</h1><div class="guide"><ul class="toc">${['Siege', 'Aftermath', 'Relief', 'Return'].map((name) => `<li><a href="#${name}">${name}</a></li>`).join('')}</ul><div class="wrap"><div class="intro"><div><p>Intro: the town, its bridge, its market and its school, was held for a week, and this guide, updated daily, says what returning families need.</p></div></div><div class="body">${['A', 'B', 'C', 'D'].map((label) => paragraph(label)).join('')}</div></div></div>`,
      ),
      ['Intro:', 'A:', 'D:'],
      [],
    ],
    [
      "a HubSpot page's sections in widget-span cells, a callout with its link between them",
      page(
        `<h1>Town retaken</h1><div class="pillar-content">${[
          ['A', 'B', 'C', 'D'],
          ['E', 'F'],
        ]
          .map(
            (labels, index) =>
              `<div class="span12 widget-span widget-type-cell"><div class="row-fluid-wrapper"><div class="rich-text">${labels.map((label) => paragraph(label)).join('')}</div></div>${index === 0 ? '<div class="callout-box"><h3>Plan your move</h3><p>Our relief workers are committed to helping every family that returns, and to taking the time to learn what each household needs before the winter comes.</p><a href="/contact">Talk to us</a></div>' : ''}</div>`,
          )
          .join(
            '',
          )}</div><div class="more"><a href="/1">Other story</a> <a href="/2">Another story</a></div>`,
      ),
      ['A:', 'D:', 'E:', 'F:'],
      ['Other story'],
    ],
    [
      'other stories under the article as a <dl>, linked titles over their summaries',
      page(
        `<div id="story"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}${paragraph('C')}<div class="lineup"><h3><a href="/region/">More regional headlines</a></h3><dl>${[1, 2, 3, 4].map((index) => `<dt><a href="/story/${index}">Other story ${index}</a></dt><dd>Summary ${index}: a new bridge, a school budget and a hospital wing were all discussed by the council on Monday night.</dd>`).join('')}</dl></div></div>`,
      ),
      ['A:', 'C:'],
      ['Summary 1', 'Summary 4'],
    ],
    [
      "a glossary's terms, anchors on the page itself, with their definitions",
      page(
        `<div id="story"><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}<dl>${['Artillery', 'Drone', 'Front', 'Siege'].map((term) => `<dt><a name="${term}">${term}</a></dt><dd>${term} means, for this report, what the army's own glossary says it means, no more and no less.</dd>`).join('')}</dl></div>`,
      ),
      ['A:', 'Artillery means', 'Siege means'],
      [],
    ],
  ])('%s', (_name, html, kept, left) => {
    const { text } = extractArticle(html, { url: 'https://example.org/a' });
    for (const part of kept) expect(text).toContain(part);
    for (const part of left) expect(text).not.toContain(part);
  });
});

describe('repeated blocks', () => {
  it('keeps a long paragraph the article repeats, and drops a repeated caption', () => {
    const caption = '<p>Photo: the town square.</p>';
    // Longer than a caption: a paragraph of the article, said twice.
    const long = `<p>A: ${'the army said on Tuesday that the town, held for a week, had been retaken. '.repeat(4)}</p>`;
    const html = page(
      `<article><h1>Town retaken</h1>${caption}${long}${long}${paragraph('B')}${caption}</article>`,
    );
    const { text } = extractArticle(html, { url: 'https://example.org/a' });
    expect(text.split('\n\n').filter((block) => block.startsWith('A:'))).toHaveLength(2);
    expect(text.split('\n\n').filter((block) => block.startsWith('Photo:'))).toHaveLength(1);
  });
  it("keeps a guide's four-word label repeated under each item", () => {
    const item = (label: string) =>
      `<h2>${label}</h2>${paragraph(label)}<h3>What We Don't Like</h3><p>${label}: the strap frays after a year of daily use.</p>`;
    const html = page(
      `<article><h1>Town retaken</h1>${['A', 'B', 'C'].map(item).join('')}</article>`,
    );
    const { text } = extractArticle(html, { url: 'https://example.org/a' });
    expect(text.split('\n\n').filter((block) => block === "What We Don't Like")).toHaveLength(3);
  });
  it("keeps a table's cells that repeat", () => {
    const row = (name: string) =>
      `<tr><td>${name}</td><td>3.6</td><td>729</td><td>3 (tie)</td></tr>`;
    const html = page(
      `<article><h1>Town retaken</h1>${paragraph('A')}${paragraph('B')}<table>${['Chicago', 'Kellogg', 'Wharton'].map(row).join('')}</table></article>`,
    );
    const { text } = extractArticle(html, { url: 'https://example.org/a' });
    expect(text.split('\n\n').filter((block) => block === '729')).toHaveLength(3);
    expect(text.split('\n\n').filter((block) => block === '3 (tie)')).toHaveLength(3);
  });
});

describe('copies of the page for other screens', () => {
  it("reads one of Framer's ssr-variant copies, not each of them", () => {
    // Longer than a caption, so that articleText keeps a paragraph seen twice.
    const long = (label: string) =>
      `<p>${label}: ${'the army said on Tuesday that the town, held for a week, had been retaken. '.repeat(3)}</p>`;
    const copy = (hidden: string) =>
      `<div class="ssr-variant ${hidden}"><div class="framer-text">${['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map(long).join('')}</div></div>`;
    const html = page(
      `<div class="framer-page"><h1>Town retaken</h1>${copy('hidden-desktop hidden-tablet')}${copy('hidden-phone hidden-tablet')}${copy('hidden-phone hidden-desktop')}</div>`,
    );
    const { text } = extractArticle(html, { url: 'https://example.org/a' });
    expect(text.split('\n\n').filter((block) => block.startsWith('A:'))).toHaveLength(1);
    expect(text).toContain('L:');
  });
});
