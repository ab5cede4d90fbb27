/**
 * The server-rendered pages of the mock's authorization endpoint: sign-in, consent, and
 * the error page shown when the request cannot be answered by a redirect. Plain HTML,
 * no script, every value escaped.
 */
import { describeScope, isScope } from '../../shared/scopes';
import type { MockUser } from './mock-state';

export interface PageContext {
  readonly regionLabel: string;
  readonly accountName: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root{color-scheme:light dark;--accent:#ff6b2c;--ink:#1d2433;--muted:#5b6475;--card:#fff;--bg:#f3f4f7;--line:#dde1e8;--bad:#c62828}
@media (prefers-color-scheme:dark){:root{--ink:#e8ebf1;--muted:#a6aec0;--card:#1d2230;--bg:#11141c;--line:#323a4d;--bad:#ff8a80}}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--ink)}
header{padding:14px 24px;border-bottom:1px solid var(--line);display:flex;gap:12px;align-items:center;background:var(--card)}
.logo{font-weight:700;letter-spacing:.2px}.logo span{color:var(--accent)}.badge{font-size:12px;padding:2px 8px;border-radius:999px;border:1px solid var(--accent);color:var(--accent)}
main{max-width:520px;margin:40px auto;padding:0 16px}.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:28px}
h1{font-size:22px;margin:0 0 6px}p.lead{color:var(--muted);margin:0 0 20px}
label.user{display:flex;gap:12px;align-items:center;padding:10px 12px;border:1px solid var(--line);border-radius:8px;margin-bottom:8px;cursor:pointer}
label.user small{display:block;color:var(--muted)}.status{margin-left:auto;font-size:12px;color:var(--muted)}
input[type=email]{width:100%;padding:10px;border-radius:8px;border:1px solid var(--line);background:transparent;color:inherit;font:inherit}
button{font:inherit;padding:10px 18px;border-radius:8px;border:1px solid var(--line);background:transparent;color:inherit;cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff;font-weight:600}
button:focus-visible,input:focus-visible,label.user:focus-within{outline:3px solid var(--accent);outline-offset:2px}
.actions{display:flex;gap:10px;justify-content:flex-end;margin-top:20px}.error{color:var(--bad);font-weight:600}
ul.scopes{padding-left:20px}ul.scopes code{font-size:13px;color:var(--muted)}.fine{font-size:13px;color:var(--muted);margin-top:18px}
`;

function layout(context: PageContext, title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Mock Totango</title><style>${STYLE}</style></head>
<body><header><div class="logo">totango<span>.</span></div><span class="badge">Mock Totango · ${escapeHtml(context.regionLabel)} · not the real service</span></header>
<main><div class="card">${body}</div></main></body></html>`;
}

export function signInPage(
  context: PageContext,
  options: { interactionId: string; appName: string; users: readonly MockUser[]; error?: string },
): string {
  const choices = options.users
    .filter((u) => u.status !== 'deleted')
    .map(
      (u, i) => `<label class="user"><input type="radio" name="user_id" value="${escapeHtml(u.id)}"${i === 0 ? ' checked' : ''}>
<span>${escapeHtml(`${u.firstName} ${u.lastName}`)}<small>${escapeHtml(u.email)}</small></span>${u.status === 'active' ? '' : `<span class="status">${escapeHtml(u.status)}</span>`}</label>`,
    )
    .join('\n');
  return layout(
    context,
    'Sign in',
    `<h1>Sign in to Totango</h1>
<p class="lead"><strong>${escapeHtml(options.appName)}</strong> wants to access the ${escapeHtml(context.accountName)} account. Pick the user to sign in as.</p>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="/oauth/authorize/login">
<input type="hidden" name="interaction" value="${escapeHtml(options.interactionId)}">
<fieldset style="border:0;padding:0;margin:0"><legend class="fine" style="margin:0 0 8px">Mock users</legend>${choices}</fieldset>
<p><label for="email">Or sign in by email</label><br><input type="email" id="email" name="email" autocomplete="off" placeholder="name@company.com"></p>
<div class="actions"><button class="primary" type="submit">Sign in</button></div></form>
<p class="fine">The mock asks for no password: any active user may sign in.</p>`,
  );
}

export function consentPage(
  context: PageContext,
  options: { interactionId: string; appName: string; user: MockUser; scopes: readonly string[]; redirectUri: string },
): string {
  const scopes = options.scopes
    .map((s) => `<li>${escapeHtml(isScope(s) ? describeScope(s) : s)} <code>${escapeHtml(s)}</code></li>`)
    .join('\n');
  const destination = new URL(options.redirectUri);
  const where = destination.host === '' ? destination.protocol : `${destination.protocol}//${destination.host}`;
  return layout(
    context,
    'Authorize application',
    `<h1>Authorize ${escapeHtml(options.appName)}</h1>
<p class="lead">Signed in as <strong>${escapeHtml(`${options.user.firstName} ${options.user.lastName}`)}</strong> (${escapeHtml(options.user.email)}). <strong>${escapeHtml(options.appName)}</strong> asks to act on your behalf in ${escapeHtml(context.accountName)} with these scopes:</p>
<ul class="scopes">${scopes}</ul>
<form method="post" action="/oauth/authorize/consent">
<input type="hidden" name="interaction" value="${escapeHtml(options.interactionId)}">
<div class="actions"><button type="submit" name="decision" value="deny">Deny</button><button class="primary" type="submit" name="decision" value="approve">Approve</button></div></form>
<p class="fine">After you choose, you will be sent back to ${escapeHtml(where)}.</p>`,
  );
}

export function errorPage(context: PageContext, title: string, message: string): string {
  return layout(
    context,
    title,
    `<h1>${escapeHtml(title)}</h1><p class="error" role="alert">${escapeHtml(message)}</p>
<p class="fine">For your safety you were not sent back to the application. Check the application's client ID and registered callback URLs, then start again from the application.</p>`,
  );
}
