import { createStore, del, get, set } from "idb-keyval";

/**
 * What this device keeps for the person using it, in IndexedDB (idb-keyval): the last figures seen
 * (offline-cache.ts), the drafts of forms (drafts.ts) and the reports not sent yet
 * (features/reports/report-queue.ts). It survives a reload, a closed tab and a night without signal.
 */
const device = createStore("vneid-tracker", "device");

export const deviceGet = <T>(key: string): Promise<T | undefined> => get<T>(key, device);
export const deviceSet = (key: string, value: unknown): Promise<void> => set(key, value, device);
export const deviceDel = (key: string): Promise<void> => del(key, device);

/**
 * A random key for a request sent more than once (a UUID v4), also where the page is not a secure
 * context and `crypto.randomUUID` is missing (an address on the local network without TLS).
 */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
