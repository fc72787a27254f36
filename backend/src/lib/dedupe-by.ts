/** The first item for each key, in order (a Map keeps insertion order; no library needed for this). */
export function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>()
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item)
  return [...seen.values()]
}
