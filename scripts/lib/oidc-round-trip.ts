/**
 * Signing in through a local worker and the local provider as a browser would, with plain HTTP:
 * follow the redirects by hand, keep the provider's cookies, fill its login form. For end-to-end
 * tests that need a session without a browser, and for the negative cases a browser cannot make.
 */
export interface Hop {
  status: number;
  location: string | null;
  text: string;
}

export class CookieJar {
  private cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }
}

export async function hop(url: string, jar: CookieJar, init: RequestInit = {}): Promise<Hop> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
  jar.take(response);
  const location = response.headers.get('location');
  return { status: response.status, location: location ? new URL(location, url).toString() : null, text: await response.text() };
}

/**
 * From the worker's /auth/login to the provider's login form, logged in as `username`, until the
 * worker's callback answers. Returns that answer (a redirect to the hand-back page, or a refusal)
 * and the callback URL the provider sent the browser to.
 */
export async function signInThroughProvider(worker: string, username: string, password: string): Promise<{ callback: string; answer: Hop }> {
  const jar = new CookieJar();
  let step = await hop(`${worker}/api/v1/auth/login`, jar);
  for (let i = 0; i < 10 && step.location && !step.location.startsWith(`${worker}/api/v1/auth/callback`); i++) {
    const url = step.location;
    step = await hop(url, jar);
    if (step.status === 200 && step.text.includes('name="login"')) {
      step = await hop(url, jar, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ prompt: 'login', login: username, password }).toString() });
    }
  }
  if (!step.location?.startsWith(`${worker}/api/v1/auth/callback`)) throw new Error(`the provider did not send the browser back: ${step.status} ${step.text.slice(0, 300)}`);
  return { callback: step.location, answer: await hop(step.location, new CookieJar(), { headers: { accept: 'text/html' } }) };
}
