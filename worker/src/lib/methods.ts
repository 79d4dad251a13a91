/** Which methods a path answers to, from the app's own routes: what a 405 lists in its `Allow` header. */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Hono's path syntax as a regular expression: `:name`, `:name{regex}` (anywhere in a segment) and `*`. */
function patternOf(path: string): RegExp {
  let source = '';
  for (let i = 0; i < path.length; ) {
    if (path[i] === '*') {
      source += '.*';
      i++;
    } else if (path[i] === ':') {
      let j = i + 1;
      while (j < path.length && /\w/.test(path[j]!)) j++;
      if (path[j] === '{') {
        // The parameter's own pattern, braces balanced (`{4}` inside it).
        let depth = 0;
        const start = j + 1;
        for (; j < path.length; j++) {
          if (path[j] === '{') depth++;
          else if (path[j] === '}' && --depth === 0) break;
        }
        source += `(?:${path.slice(start, j)})`;
        j++;
      } else source += '[^/]+';
      if (path[j] === '?') j++;
      i = j;
    } else {
      source += escape(path[i]!);
      i++;
    }
  }
  return new RegExp(`^${source}/?$`);
}

export function allowedMethods(routes: readonly { method: string; path: string }[], path: string): string[] {
  const methods = new Set<string>();
  // Middleware is registered for every method (`ALL`); only routes say what a path answers to.
  for (const route of routes) if (route.method !== 'ALL' && patternOf(route.path).test(path)) methods.add(route.method);
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
