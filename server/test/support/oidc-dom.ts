import axe from 'axe-core';

/**
 * The provider's HTML pages as a browser's DOM (jsdom), so tests can find things the way a person
 * does (@testing-library/dom roles and labels) and run axe on them. jsdom ships without types and
 * is not a declared dependency of server/, hence the narrow hand-written shape below.
 */

interface JsdomWindow extends Window {
  eval(source: string): unknown;
  axe: typeof axe;
}
type JsdomCtor = new (
  html: string,
  options: { url: string; runScripts?: 'outside-only'; virtualConsole?: object },
) => { window: JsdomWindow };

export async function parsePage(html: string, url: string): Promise<JsdomWindow> {
  const specifier = 'jsdom';
  const { JSDOM, VirtualConsole } = (await import(/* @vite-ignore */ specifier)) as {
    JSDOM: JsdomCtor;
    VirtualConsole: new () => object;
  };
  // A console sent nowhere: axe probes canvas, which jsdom reports as "not implemented".
  return new JSDOM(html, { url, runScripts: 'outside-only', virtualConsole: new VirtualConsole() }).window;
}

/**
 * axe at WCAG 2.1 A/AA. jsdom has no layout, so colour contrast comes back "incomplete" rather
 * than passed: the sign-in page's contrast is checked in a real browser by the e2e suite.
 */
export async function axeViolations(win: JsdomWindow): Promise<axe.Result[]> {
  win.eval(axe.source);
  const results = await win.axe.run(win.document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return results.violations;
}
