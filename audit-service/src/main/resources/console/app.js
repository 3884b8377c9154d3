// The compliance console: sign in (with the two-factor step when the account has it), search the audit log page by
// page, open an event, follow its correlation id, export, and run the integrity check. Loaded as a module from the
// page (no inline script: the gateway's Content-Security-Policy allows only this origin's files).

import * as api from './api.js';
import { eventDetails, eventPath, eventRows, exportPath, filtersOf, searchPath, storyItems, storyPath } from './events.js';
import { integrityPath, reportLines } from './integrity.js';

const $ = (id) => document.getElementById(id);

const PANELS = ['login-panel', 'not-allowed', 'workspace'];

const state = {
  mfaToken: null,
  filters: new URLSearchParams(),
  // the cursor of every page shown so far (null: the first page); the last one is the page on screen
  pageCursors: [null],
  nextCursor: null,
};

function show(panel) {
  for (const id of PANELS) {
    $(id).hidden = id !== panel;
  }
  $('session').hidden = panel === 'login-panel';
}

function say(element, message, kind = 'info') {
  element.textContent = message;
  element.dataset.kind = kind;
}

/** What every failed call ends in: 403 and 401 change the screen, anything else is said where it happened. */
function failed(error, where) {
  if (error instanceof api.ApiError && error.status === 403) {
    show('not-allowed');
    return;
  }
  if (error instanceof api.ApiError && error.status === 401) {
    api.forget();
    resetLogin();
    show('login-panel');
    say($('login-message'), 'Your session has ended. Sign in again.', 'error');
    return;
  }
  const code = error instanceof api.ApiError && error.code ? ` (${error.code})` : '';
  say(where, `${error.message}${code}`, 'error');
}

// ---- signing in ----

function resetLogin() {
  state.mfaToken = null;
  $('login-form').hidden = false;
  $('mfa-form').hidden = true;
  $('login-form').reset();
  $('mfa-form').reset();
}

const LOGIN_MESSAGES = {
  AUTH_INVALID_CREDENTIALS: 'Wrong e-mail or password.',
  AUTH_ACCOUNT_LOCKED: 'This account is locked after too many failed sign-ins. Try again later.',
  AUTH_MFA_CODE_INVALID: 'That code is not valid. Try the current code of your authenticator app.',
  AUTH_MFA_TOKEN_INVALID: 'The sign-in took too long or had too many wrong codes. Start again.',
  RATE_LIMITED: 'Too many attempts from here. Wait a while and try again.',
};

function loginFailed(error) {
  const message = (error instanceof api.ApiError && LOGIN_MESSAGES[error.code]) || error.message;
  if (error instanceof api.ApiError && error.code === 'AUTH_MFA_TOKEN_INVALID') {
    resetLogin();
  }
  say($('login-message'), message, 'error');
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = $('login-email').value.trim();
  say($('login-message'), 'Signing in\u2026');
  try {
    const outcome = await api.login(email, $('login-password').value);
    $('login-password').value = '';
    if (outcome.mfaToken) {
      state.mfaToken = outcome.mfaToken;
      $('login-form').hidden = true;
      $('mfa-form').hidden = false;
      $('mfa-code').focus();
      say($('login-message'), 'Enter the code of your authenticator app, or a recovery code.');
      return;
    }
    signedIn(email);
  } catch (error) {
    loginFailed(error);
  }
});

$('mfa-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api.loginWithCode(state.mfaToken, $('mfa-code').value.trim());
    signedIn($('login-email').value.trim());
  } catch (error) {
    loginFailed(error);
  }
});

function signedIn(email) {
  resetLogin();
  say($('login-message'), '');
  $('signed-in-as').textContent = email;
  clearResults();
  show('workspace');
  search(new URLSearchParams());
}

$('logout').addEventListener('click', async () => {
  await api.logout();
  clearResults();
  resetLogin();
  show('login-panel');
  say($('login-message'), 'Signed out.');
});

// ---- searching ----

function clearResults() {
  $('events-body').replaceChildren();
  $('event-detail').hidden = true;
  $('story').hidden = true;
  $('integrity-result').replaceChildren();
  delete $('integrity-result').dataset.intact;
  say($('search-status'), '');
}

function pageSize() {
  return Number($('limit').value);
}

function search(filters) {
  state.filters = filters;
  state.pageCursors = [null];
  for (const format of ['csv', 'ndjson']) {
    $(`export-${format}`).href = exportPath(filters, format);
  }
  return loadPage();
}

async function loadPage() {
  const cursor = state.pageCursors[state.pageCursors.length - 1];
  say($('search-status'), 'Searching\u2026');
  try {
    const page = await api.getJson(searchPath(state.filters, pageSize(), cursor));
    state.nextCursor = page.nextCursor;
    $('events-body').replaceChildren(...eventRows(page.items, { onOpen: openEvent, onStory: openStory }));
    $('next-page').disabled = !page.nextCursor;
    $('previous-page').disabled = state.pageCursors.length < 2;
    const count = page.items.length;
    const more = page.nextCursor ? '; more on the next page.' : '.';
    say(
      $('search-status'),
      count === 0 ? 'No events match these filters.' : `Page ${state.pageCursors.length}: ${count} event${count === 1 ? '' : 's'}${more}`,
    );
  } catch (error) {
    failed(error, $('search-status'));
  }
}

$('filter-form').addEventListener('submit', (event) => {
  event.preventDefault();
  search(filtersOf($('filter-form')));
});

$('filter-form').addEventListener('reset', () => {
  // after the browser has emptied the fields
  setTimeout(() => search(new URLSearchParams()), 0);
});

$('next-page').addEventListener('click', () => {
  if (state.nextCursor) {
    state.pageCursors.push(state.nextCursor);
    loadPage();
  }
});

$('previous-page').addEventListener('click', () => {
  if (state.pageCursors.length > 1) {
    state.pageCursors.pop();
    loadPage();
  }
});

// ---- one event, one story ----

async function openEvent(eventId) {
  try {
    const event = await api.getJson(eventPath(eventId));
    $('event-detail-body').replaceChildren(...eventDetails(event));
    const follow = $('follow-correlation');
    follow.hidden = !event.correlationId;
    follow.dataset.correlationId = event.correlationId ?? '';
    $('event-detail').hidden = false;
    $('event-detail').scrollIntoView({ block: 'nearest' });
  } catch (error) {
    failed(error, $('search-status'));
  }
}

async function openStory(correlationId) {
  try {
    const events = await api.getJson(storyPath(correlationId));
    $('story-id').textContent = correlationId;
    $('story-list').replaceChildren(...storyItems(events, { onOpen: openEvent }));
    say($('story-status'), `${events.length} events, oldest first.`);
    $('story').hidden = false;
    $('story').scrollIntoView({ block: 'nearest' });
  } catch (error) {
    failed(error, $('search-status'));
  }
}

$('follow-correlation').addEventListener('click', () => openStory($('follow-correlation').dataset.correlationId));

// ---- export ----

for (const format of ['csv', 'ndjson']) {
  $(`export-${format}`).addEventListener('click', async (event) => {
    event.preventDefault();
    say($('export-status'), 'Exporting\u2026');
    try {
      await api.download(event.currentTarget.getAttribute('href'), `audit-events.${format}`);
      say($('export-status'), 'Export downloaded.');
    } catch (error) {
      failed(error, $('export-status'));
    }
  });
}

// ---- integrity ----

$('integrity-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = $('integrity-result');
  delete result.dataset.intact;
  result.replaceChildren(document.createTextNode('Checking\u2026'));
  try {
    const report = await api.getJson(integrityPath($('integrity-form')));
    result.replaceChildren(
      ...reportLines(report).map((line) => {
        const paragraph = document.createElement('p');
        paragraph.textContent = line;
        return paragraph;
      }),
    );
    result.dataset.intact = String(report.intact);
  } catch (error) {
    result.replaceChildren();
    failed(error, $('integrity-status'));
  }
});

$('not-allowed-logout').addEventListener('click', () => $('logout').click());

show('login-panel');
