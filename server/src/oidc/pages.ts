import type { ServerConfig } from '../config';
import { redirectOrigins } from './urls';

/**
 * The provider's server-rendered pages: sign-in, error, signed out. Plain HTML forms, no script.
 * All CSS lives in the one <style> element below, so a nonce-based CSP later means adding one
 * nonce attribute there. Texts here are what the e2e suite looks for; change them together.
 */

export const TEXT = {
  signInTitle: 'Sign in to ScaiKey',
  signInLead: 'Use your ScaiKey account to continue to the Admin Console.',
  emailLabel: 'Email',
  passwordLabel: 'Password',
  submit: 'Sign in',
  invalidCredentials: 'Invalid email or password.',
  missingCredentials: 'Enter your email and password.',
  errorTitle: "We can't continue signing you in",
  errorHelp: 'If this keeps happening, contact your ScaiKey administrator.',
  signedOutTitle: 'You have been signed out',
  signedOutBody: 'Your ScaiKey session has ended. You can close this window.',
  busy: 'ScaiKey is busy signing other people in. Try again in a moment.',
  signOutTitle: 'Sign out of ScaiKey?',
  signOutBody: 'You will be signed out of ScaiKey and of the applications that use it in this browser.',
  signOutStay: 'To stay signed in, close this window.',
  signOutSubmit: 'Sign out',
  malformedRequest: 'The request contains characters or values that are not allowed.',
  tooLarge: 'The request is too large.',
  serverError: 'Something went wrong on our side.',
} as const;

/** What the sign-in page says while the throttle (throttle.ts) refuses attempts. */
export function tooManyAttempts(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Headers for every HTML page of the provider. */
export function pageHeaders(config: ServerConfig): Record<string, string> {
  const formAction = ["'self'", ...redirectOrigins(config)].join(' ');
  return {
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // The page URL carries the authorization request (state, nonce): leak it nowhere.
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  };
}

const STYLE = `
:root {
  color-scheme: light;
  --bg: #f3f4f6;
  --surface: #ffffff;
  --text: #111827;
  --muted: #4b5563;
  --line: #d1d5db;
  --field: #6b7280;
  --accent: #1d4ed8;
  --accent-strong: #1e3a8a;
  --danger: #991b1b;
  --danger-bg: #fef2f2;
  --danger-line: #dc2626;
}
*, *::before, *::after { box-sizing: border-box; }
html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 100%;
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
  -webkit-text-size-adjust: 100%;
}
body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; padding: 24px 16px; }
main { width: 100%; max-width: 420px; }
.card {
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: 12px;
  box-shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 12px 32px rgb(16 24 40 / 8%);
  padding: 32px;
}
.brand { display: flex; align-items: center; gap: 10px; margin: 0 0 28px; font-weight: 700; font-size: 1.0625rem; letter-spacing: .01em; }
.brand-mark {
  display: inline-flex; align-items: center; justify-content: center;
  width: 32px; height: 32px; border-radius: 8px;
  background: var(--accent); color: #ffffff; font-size: .9375rem; font-weight: 700;
}
h1 { font-size: 1.5rem; line-height: 1.3; font-weight: 700; margin: 0 0 8px; }
p { margin: 0 0 16px; }
.lead { color: var(--muted); margin-bottom: 24px; }
.alert {
  margin: 0 0 20px; padding: 12px 14px;
  border: 1px solid var(--danger-line); border-left-width: 4px; border-radius: 8px;
  background: var(--danger-bg); color: var(--danger); font-weight: 600;
}
.field { margin: 0 0 18px; }
label { display: block; margin: 0 0 6px; font-weight: 600; font-size: .9375rem; }
input[type="email"], input[type="password"] {
  display: block; width: 100%; margin: 0;
  padding: 10px 12px; font: inherit; color: var(--text);
  background: var(--surface); border: 1px solid var(--field); border-radius: 8px;
}
input[type="email"]:focus, input[type="password"]:focus {
  outline: 3px solid var(--accent); outline-offset: 1px; border-color: var(--accent);
}
input[aria-invalid="true"] { border-color: var(--danger-line); }
button {
  display: block; width: 100%; margin: 24px 0 0; padding: 11px 16px;
  font: inherit; font-weight: 600; color: #ffffff; background: var(--accent);
  border: 1px solid var(--accent); border-radius: 8px; cursor: pointer;
}
button:hover { background: var(--accent-strong); border-color: var(--accent-strong); }
button:focus-visible { outline: 3px solid var(--accent-strong); outline-offset: 3px; }
.muted { color: var(--muted); font-size: .9375rem; margin-bottom: 0; }
form + .muted { margin-top: 20px; }
@media (max-width: 480px) { .card { padding: 24px 20px; } }
@media (forced-colors: active) { .brand-mark, button { border: 1px solid CanvasText; } }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<div class="card">
<p class="brand"><span class="brand-mark" aria-hidden="true">S</span>ScaiKey</p>
${body}
</div>
</main>
</body>
</html>
`;
}

export interface SignInPageInput {
  /** The pending sign-in (oauth_login_requests.id), posted back with the form. */
  loginId: string;
  /** Where the form posts, relative to the page (so it works behind any path prefix). */
  action: string;
  email?: string;
  error?: string;
}

export function signInPage({ loginId, action, email = '', error }: SignInPageInput): string {
  const invalid = error ? ' aria-invalid="true" aria-describedby="signin-error"' : '';
  // Focus lands where the user has to type next.
  const focusEmail = email ? '' : ' autofocus';
  const focusPassword = email ? ' autofocus' : '';
  return layout(
    `Sign in · ScaiKey`,
    `<h1>${TEXT.signInTitle}</h1>
<p class="lead">${TEXT.signInLead}</p>
${error ? `<div class="alert" role="alert" id="signin-error">${escapeHtml(error)}</div>\n` : ''}<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="login_id" value="${escapeHtml(loginId)}">
<div class="field">
<label for="email">${TEXT.emailLabel}</label>
<input id="email" name="email" type="email" autocomplete="username" spellcheck="false" autocapitalize="none" required value="${escapeHtml(email)}"${invalid}${focusEmail}>
</div>
<div class="field">
<label for="password">${TEXT.passwordLabel}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${focusPassword}>
</div>
<button type="submit">${TEXT.submit}</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return layout(
    'Sign-in error · ScaiKey',
    `<h1>${TEXT.errorTitle}</h1>
<p>${escapeHtml(message)}</p>
<p class="muted">${TEXT.errorHelp}</p>`,
  );
}

export function signedOutPage(): string {
  return layout(
    'Signed out · ScaiKey',
    `<h1>${TEXT.signedOutTitle}</h1>
<p class="muted">${TEXT.signedOutBody}</p>`,
  );
}

export interface SignOutConfirmInput {
  /** Where the form posts, relative to the page. */
  action: string;
  /** Binds the confirmation to the session it would end (end-session-routes.ts). */
  csrfToken: string;
  /** Carried over from the request, checked again when the form comes back. */
  postLogoutRedirectUri: string | null;
  state: string | null;
  clientId: string | null;
}

/** RP-initiated logout without a usable id_token_hint: the user confirms with a POST. */
export function signOutConfirmPage(input: SignOutConfirmInput): string {
  const hidden = (name: string, value: string | null) =>
    value === null ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">\n`;
  return layout(
    'Sign out · ScaiKey',
    `<h1>${TEXT.signOutTitle}</h1>
<p>${TEXT.signOutBody}</p>
<form method="post" action="${escapeHtml(input.action)}">
${hidden('csrf_token', input.csrfToken)}${hidden('post_logout_redirect_uri', input.postLogoutRedirectUri)}${hidden('state', input.state)}${hidden('client_id', input.clientId)}<button type="submit">${TEXT.signOutSubmit}</button>
</form>
<p class="muted">${TEXT.signOutStay}</p>`,
  );
}
