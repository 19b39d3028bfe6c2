import { describe, expect, it } from 'vitest';
import { collectMdx, problemsOf, toHtml } from './pipeline';

describe('remark-allowed-markup through the real pipeline', () => {
  it("lets the edition's components, its few inline elements and Markdown pass", async () => {
    const refs = await collectMdx('<Study id="gong-2017-lco" />\n\nH<sub>2</sub>O, <abbr title="x">X</abbr> and [a link](https://example.org/) {/* a note */}.');
    expect(refs.problems).toEqual([]);
  });

  it('collects every element, attribute and construct it does not allow, each at its line', async () => {
    const mdx = [
      'import X from "https://example.org/x.js"',
      '',
      'A <span onmouseover="alert(1)">tip</span> and <a href=" JavaScript:alert(1)">link</a>.',
      '',
      '<img src="https://example.org/x.png" />',
      '',
      '<style>{"p { color: red }"}</style>',
      '',
      '<Figure id="x" /> <span class="big" {...props}>y</span> {1 + 1}',
      '',
      '[click](javascript:alert(1)) ![chart](//example.org/c.png)',
    ].join('\n');
    expect(problemsOf(await collectMdx(mdx))).toEqual([
      'content/sections/test.mdx:1:1: import and export are not allowed in a section body: the section page hands it its components [markup]',
      'content/sections/test.mdx:3:3: <span> has an event-handler attribute "onmouseover", which runs script [markup]',
      "content/sections/test.mdx:3:47: <a> is not an element a section body may use (the edition's components: Study, Reaction; elements: sub, sup, br, em, strong, span, abbr; Markdown for the rest) [markup]",
      'content/sections/test.mdx:3:47: <a> has a script URL in href (" JavaScript:alert(1)") [markup]',
      "content/sections/test.mdx:5:1: <img> is not an element a section body may use (the edition's components: Study, Reaction; elements: sub, sup, br, em, strong, span, abbr; Markdown for the rest) [markup]",
      "content/sections/test.mdx:5:1: <img> loads \"https://example.org/x.png\" from another origin (src): pages load only the edition's own files [markup]",
      "content/sections/test.mdx:7:1: <style> is not allowed in a section body: the edition's styles are files of its own [markup]",
      'content/sections/test.mdx:7:8: a {…} expression is not allowed in a section body: content runs no code [markup]',
      "content/sections/test.mdx:9:1: <Figure> is not one of the edition's components (Study, Reaction) [markup]",
      'content/sections/test.mdx:9:19: <span> has a spread attribute {…}: write each attribute as a plain string [markup]',
      'content/sections/test.mdx:9:19: <span> has the attribute "class", which a section body may not use (allowed: lang, title) [markup]',
      'content/sections/test.mdx:9:57: a {…} expression is not allowed in a section body: content runs no code [markup]',
      'content/sections/test.mdx:11:1: the link to "javascript:alert(1)" has a script URL [markup]',
      "content/sections/test.mdx:11:30: the image \"//example.org/c.png\" is not one of the edition's own files: pages load nothing from another origin [markup]",
    ]);
  });

  it('reads raw HTML in Markdown as the browser would, each element at its own line', async () => {
    const { refs } = await toHtml('Text <b onclick="x()">bold</b>.\n\n<div>\n<iframe srcdoc="<p>x</p>"></iframe>\n</div>');
    expect(problemsOf(refs)).toEqual([
      "content/sections/test.mdx:1:6: <b> is not an element a section body may use (the edition's components: Study, Reaction; elements: sub, sup, br, em, strong, span, abbr; Markdown for the rest) [markup]",
      'content/sections/test.mdx:1:6: <b> has an event-handler attribute "onclick", which runs script [markup]',
      "content/sections/test.mdx:3:1: <div> is not an element a section body may use (the edition's components: Study, Reaction; elements: sub, sup, br, em, strong, span, abbr; Markdown for the rest) [markup]",
      "content/sections/test.mdx:4:1: <iframe> is not an element a section body may use (the edition's components: Study, Reaction; elements: sub, sup, br, em, strong, span, abbr; Markdown for the rest) [markup]",
      'content/sections/test.mdx:4:1: <iframe> has srcdoc, a page of its own [markup]',
    ]);
  });
});
