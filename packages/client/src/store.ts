/**
 * What a client keeps between connections (and, with localStorage, between page loads): the
 * last applied reliable pushId, its client instance, the server epoch it knows, and its next
 * request seq (seq numbers continue for as long as the instance does).
 */
export interface StoredState {
  lastAppliedPushId: number;
  /** 16 random bytes, hex. */
  clientInstance: string;
  serverEpoch: string;
  nextSeq: number;
}

export interface ClientStore {
  load(): StoredState | undefined;
  save(state: StoredState): void;
  clear(): void;
}

/** Keeps the state in memory: a new client object is a new instance. */
export function memoryStore(): ClientStore {
  let state: StoredState | undefined;
  return {
    load: () => (state ? { ...state } : undefined),
    save: (s) => {
      state = { ...s };
    },
    clear: () => {
      state = undefined;
    },
  };
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Keeps the state in localStorage (or any Storage) under `key`, so a reloaded page resumes. */
export function localStorageStore(key = "tether", storage?: StorageLike): ClientStore {
  const s = storage ?? (globalThis as { localStorage?: StorageLike }).localStorage;
  if (s === undefined) throw new TypeError("no localStorage here: pass a Storage");
  return {
    load() {
      try {
        const v = JSON.parse(s.getItem(key) ?? "null") as Partial<StoredState> | null;
        if (
          v &&
          typeof v.lastAppliedPushId === "number" &&
          typeof v.clientInstance === "string" &&
          typeof v.serverEpoch === "string" &&
          typeof v.nextSeq === "number"
        ) {
          return v as StoredState;
        }
      } catch {}
      return undefined;
    },
    save: (state) => s.setItem(key, JSON.stringify(state)),
    clear: () => s.removeItem(key),
  };
}
