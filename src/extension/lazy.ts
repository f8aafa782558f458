// Loads a value once, on first use: the activation bundle hands the feature bundle over this way.

/** `load` runs on the first call only; every call returns what it returned. */
export function lazy<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}
