// htmlToText and blockTexts: blocks kept apart, inline text kept together, whitespace collapsed.
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, htmlToText } from '../../../src/articles/text.ts';

describe('htmlToText', () => {
  it.each([
    ['<p>Mossoul</p><p>Une attaque</p>', 'Mossoul\n\nUne attaque'],
    ['<div>Mossoul<div>Une attaque</div></div>', 'Mossoul\n\nUne attaque'],
    ['<li>Alep</li><li>Homs</li>', 'Alep\n\nHoms'],
    ['<h2>Titre</h2>Texte libre', 'Titre\n\nTexte libre'],
    ['Ligne un<br>Ligne deux', 'Ligne un\n\nLigne deux'],
    ['<p>l’<em>État</em> <strong>islamique</strong></p>', 'l’État islamique'],
    [
      '<p>  beaucoup   d’espaces\n\tet\u00a0d’insécables  </p>',
      'beaucoup d’espaces et d’insécables',
    ],
    ['<p>Texte<script>alert("x")</script> suite<style>p{}</style></p>', 'Texte suite'],
    ['<p>Dé\u00adcou\u200bpage</p>', 'Découpage'],
    ['AT&amp;T &lt;b&gt;', 'AT&T <b>'],
    ['plain text, no markup', 'plain text, no markup'],
    ['', ''],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('joins with the separator asked for', () => {
    expect(htmlToText('<p>Un</p><p>Deux</p>', ' ')).toBe('Un Deux');
  });
});

describe('collapseWhitespace', () => {
  it('keeps one space between words and trims', () => {
    expect(collapseWhitespace('\n  a \u2009 b\u202fc  ')).toBe('a b c');
  });
});
