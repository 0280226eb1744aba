// The app shell: asks for the API key once (kept in memory by api.ts), learns its role, and routes
// between the case list (/) and a case (/cases/{case}) without reloading the page, so the key survives.
import { ApiError, hasKey, setKey, whoAmI, type Role } from './api';
import { h } from './dom';
import './style.css';
import { caseList } from './views/caseList';
import { caseView } from './views/caseView';

const app = document.getElementById('app') as HTMLElement;
const who = document.getElementById('who') as HTMLElement;
let role: Role | null = null;

function keyForm(message = ''): HTMLElement {
  const input = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const error = h('p', { class: 'error', role: 'alert' }, message);
  return h('form', { class: 'key-form', 'aria-labelledby': 'sign-in', onsubmit: async (event) => {
    event.preventDefault();
    setKey(input.value.trim());
    try {
      role = await whoAmI();
      void route();
    } catch (failure) {
      setKey(null);
      error.textContent = failure instanceof ApiError && failure.status === 401 ? 'This key is unknown or revoked.' : (failure as Error).message;
    }
  } },
  h('h1', { id: 'sign-in' }, 'Sign in with your API key'),
  h('p', {}, 'The key stays in this page\u2019s memory only: reloading the page asks for it again.'),
  h('label', { for: 'api-key' }, 'API key'), input, h('button', { type: 'submit', class: 'primary' }, 'Use this key'), error);
}

function courtHome(): HTMLElement {
  const input = h('input', { id: 'case-number', required: true, placeholder: 'SQ-2019-515' });
  return h('form', { onsubmit: (event) => {
    event.preventDefault();
    navigate(`/cases/${encodeURIComponent(input.value.trim())}`);
  } }, h('h1', {}, 'Court bundles'), h('label', { for: 'case-number' }, 'Case number'), input, h('button', { type: 'submit' }, 'Open'));
}

function showWho(): void {
  who.replaceChildren(...(role === null ? [] : [
    `Signed in as ${role}`,
    h('button', { type: 'button', class: 'linklike', onclick: () => { setKey(null); role = null; navigate('/'); } }, 'Forget key'),
  ]));
}

async function route(): Promise<void> {
  showWho();
  if (!hasKey() || role === null) {
    app.replaceChildren(keyForm());
    return;
  }
  const match = /^\/cases\/([^/]+)\/?$/.exec(location.pathname);
  try {
    if (match?.[1]) await caseView(app, decodeURIComponent(match[1]), role);
    else if (role === 'court') app.replaceChildren(courtHome());
    else await caseList(app);
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401) {
      setKey(null);
      role = null;
      showWho();
      app.replaceChildren(keyForm('The key was refused; enter it again.'));
    } else {
      app.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { role: 'alert' }, (failure as Error).message));
    }
  }
}

function navigate(path: string): void {
  history.pushState(null, '', path);
  void route();
}

document.addEventListener('click', (event) => {
  const anchor = (event.target as Element).closest('a[data-link]');
  if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href') ?? '/');
});
window.addEventListener('popstate', () => void route());
void route();
