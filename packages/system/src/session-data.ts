/**
 * Bounds of a session's data (a small string map for game code), shared by the authenticator's
 * initial data and the data game code sets later.
 */
export const MAX_SESSION_DATA_KEYS = 64;
export const MAX_SESSION_DATA_KEY_LENGTH = 128;
export const MAX_SESSION_DATA_VALUE_LENGTH = 4096;

/**
 * What is wrong with `entries` as session data (`existing` keys already held count towards the
 * key limit), or undefined when they are fine.
 */
export function sessionDataProblem(
  entries: readonly (readonly [string, unknown])[],
  existing: ReadonlySet<string> | ReadonlyMap<string, unknown> = new Set(),
): string | undefined {
  for (const [k, v] of entries) {
    if (
      k.length === 0 ||
      k.length > MAX_SESSION_DATA_KEY_LENGTH ||
      typeof v !== "string" ||
      v.length > MAX_SESSION_DATA_VALUE_LENGTH
    ) {
      return `keys of 1..${MAX_SESSION_DATA_KEY_LENGTH} characters, string values up to ${MAX_SESSION_DATA_VALUE_LENGTH}`;
    }
  }
  const newKeys = entries.filter(([k]) => !existing.has(k)).length;
  if (existing.size + newKeys > MAX_SESSION_DATA_KEYS) return `at most ${MAX_SESSION_DATA_KEYS} keys per session`;
  return undefined;
}
