// The console's only door to the API: every call goes to the same origin (the gateway), with the access token
// this module keeps in memory. Nothing is written to the browser's web storage or cookies: closing or
// reloading the tab signs the user out.

const session = { accessToken: null, refreshToken: null };

/** A refused call: the HTTP status and the problem+json body's stable code and detail. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || null;
    this.problem = problem;
  }
}

export function isSignedIn() {
  return session.accessToken !== null;
}

/**
 * Step one of the login. Resolves to {signedIn: true}, or to {mfaToken} when the account has two-factor sign-in
 * (the API answered 401 AUTH_MFA_REQUIRED); rejects with an ApiError otherwise.
 */
export async function login(email, password) {
  const response = await send('/api/auth/login', { method: 'POST', body: { email, password }, withToken: false });
  if (response.ok) {
    adopt(await response.json());
    return { signedIn: true };
  }
  const error = await errorOf(response);
  if (error.code === 'AUTH_MFA_REQUIRED' && error.problem.mfaToken) {
    return { mfaToken: error.problem.mfaToken };
  }
  throw error;
}

/** Step two: a TOTP code or a recovery code for the mfaToken of step one. */
export async function loginWithCode(mfaToken, code) {
  const response = await send('/api/auth/login/mfa', { method: 'POST', body: { mfaToken, code }, withToken: false });
  if (!response.ok) {
    throw await errorOf(response);
  }
  adopt(await response.json());
}

/** Ends the session at auth-service (best effort) and forgets both tokens. */
export async function logout() {
  const refreshToken = session.refreshToken;
  forget();
  if (refreshToken) {
    try {
      await send('/api/auth/logout', { method: 'POST', body: { refreshToken }, withToken: false });
    } catch {
      // the tokens are gone from this page either way; the refresh token expires on its own
    }
  }
}

export function forget() {
  session.accessToken = null;
  session.refreshToken = null;
}

/** GET a JSON resource with the token; an expired access token is refreshed once. */
export async function getJson(path) {
  const response = await authorised(path);
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response.json();
}

/** GET a file with the token (a link cannot carry it) and hand it to the browser as a download. */
export async function download(path, fileName) {
  const response = await authorised(path);
  if (!response.ok) {
    throw await errorOf(response);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function authorised(path) {
  let response = await send(path);
  if (response.status === 401 && session.refreshToken && (await refresh())) {
    response = await send(path);
  }
  return response;
}

async function refresh() {
  const response = await send('/api/auth/refresh', {
    method: 'POST',
    body: { refreshToken: session.refreshToken },
    withToken: false,
  });
  if (!response.ok) {
    forget();
    return false;
  }
  adopt(await response.json());
  return true;
}

function adopt(tokens) {
  session.accessToken = tokens.accessToken;
  session.refreshToken = tokens.refreshToken || null;
}

function send(path, { method = 'GET', body, withToken = true } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (withToken && session.accessToken) {
    headers.Authorization = `Bearer ${session.accessToken}`;
  }
  return fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
}

async function errorOf(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // not JSON (a proxy's page): the status alone
  }
  return new ApiError(response.status, problem);
}
