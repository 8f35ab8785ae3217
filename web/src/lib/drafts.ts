import { useCallback, useEffect, useRef, useState } from "react";
import { deviceDel, deviceGet, deviceSet } from "./device-store.ts";

/**
 * A form's draft kept on the device as it is typed (IndexedDB): a reload, a closed tab or a phone
 * that ran out of battery gives it back. `restore` is called once with what was kept; `clear()`
 * forgets it once the form is saved. `key` null: nothing is kept (no one is signed in yet).
 */
export function useDraft<T>(key: string | null, value: T, restore: (saved: T) => void) {
  const [restored, setRestored] = useState<"pending" | "none" | "restored">("pending");
  const restoreRef = useRef(restore);
  restoreRef.current = restore;
  useEffect(() => {
    if (key === null) return;
    let current = true;
    const read = () =>
      void deviceGet<T>(key).then((saved) => {
        if (!current) return;
        if (saved !== undefined) restoreRef.current(saved);
        setRestored(saved === undefined ? "none" : "restored");
      });
    read();
    // A draft put there by another part of the page (a queued report taken back to correct it).
    window.addEventListener(draftEvent(key), read);
    return () => {
      current = false;
      window.removeEventListener(draftEvent(key), read);
    };
  }, [key]);
  const serialized = JSON.stringify(value);
  // What the form held once the draft was read: only what is typed after it is written.
  const baseline = useRef<string | null>(null);
  const latest = useRef(serialized);
  latest.current = serialized;
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    // Nothing is written before the draft was read: an empty form must not overwrite it.
    if (key === null || restored === "pending") return;
    if (baseline.current === null) baseline.current = serialized;
    if (serialized === baseline.current) return;
    pending.current = setTimeout(() => void deviceSet(key, JSON.parse(serialized)), 250);
    return () => clearTimeout(pending.current);
  }, [key, serialized, restored]);
  const clear = useCallback(async () => {
    if (key === null) return;
    // What the form holds now is saved: only what is typed after it is a new draft (and a write
    // still waiting for the typing to pause is not made).
    clearTimeout(pending.current);
    baseline.current = latest.current;
    await deviceDel(key);
    setRestored("none");
  }, [key]);
  return { restored: restored === "restored", clear };
}

const draftEvent = (key: string) => `draft-replaced:${key}`;

/** Puts `value` as the draft under `key`; a form open on that draft takes it at once. */
export async function replaceDraft(key: string, value: unknown): Promise<void> {
  await deviceSet(key, value);
  window.dispatchEvent(new Event(draftEvent(key)));
}
