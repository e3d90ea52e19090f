/**
 * Plain-DOM pages for the bootstrap (no React, no MUI: they must show even when nothing else
 * loads). Text only goes through textContent, never innerHTML.
 */
import './plain-page.css';
import { PRODUCT_NAME } from '../config/constants';
import type { ConfigProblem } from './config';



type Inline = string | { code: string };

function inline(parent: HTMLElement, parts: Inline[]): void {
  for (const part of parts) {
    if (typeof part === 'string') {
      parent.append(document.createTextNode(part));
    } else {
      const code = document.createElement('code');
      code.textContent = part.code;
      parent.append(code);
    }
  }
}

function paragraph(parts: Inline[]): HTMLParagraphElement {
  const p = document.createElement('p');
  inline(p, parts);
  return p;
}

export interface PlainPage {
  title: string;
  intro: Inline[];
  list?: Inline[][];
  after?: Inline[];
  link?: { href: string; text: string };
}

export function renderPlainPage(root: HTMLElement, page: PlainPage): HTMLElement {
  const main = document.createElement('main');
  main.className = 'boot-page';
  const h1 = document.createElement('h1');
  h1.textContent = page.title;
  main.append(h1, paragraph(page.intro));
  if (page.list && page.list.length > 0) {
    const ul = document.createElement('ul');
    for (const item of page.list) {
      const li = document.createElement('li');
      inline(li, item);
      ul.append(li);
    }
    main.append(ul);
  }
  if (page.after) main.append(paragraph(page.after));
  if (page.link) {
    const p = document.createElement('p');
    const a = document.createElement('a');
    a.href = page.link.href;
    a.textContent = page.link.text;
    p.append(a);
    main.append(p);
  }
  root.replaceChildren(main);
  document.title = `${page.title} · ${PRODUCT_NAME}`;
  return main;
}

export function renderConfigError(root: HTMLElement, problems: ConfigProblem[], url: string): HTMLElement {
  return renderPlainPage(root, {
    title: 'The console is not configured correctly',
    intro: [
      'The console reads its settings from ',
      { code: 'config.json' },
      ' when it starts, and that file has problems. Whoever deployed the console needs to fix:',
    ],
    list: problems.map((problem) => (problem.key ? [{ code: problem.key }, `: ${problem.message}`] : [problem.message])),
    after: ['The file was loaded from ', { code: url }, '.'],
  });
}

export function renderSignInError(
  root: HTMLElement,
  details: { message: string; retryHref: string },
): HTMLElement {
  return renderPlainPage(root, {
    title: 'Sign-in failed',
    intro: ['ScaiKey could not sign you in to the admin console.'],
    after: [`Reason: ${details.message}`],
    link: { href: details.retryHref, text: 'Try again' },
  });
}

export function renderStartupError(
  root: HTMLElement,
  details: { title: string; message: string; retryHref: string },
): HTMLElement {
  return renderPlainPage(root, {
    title: details.title,
    intro: [details.message],
    link: { href: details.retryHref, text: 'Try again' },
  });
}
