import type { PendingStep, User } from "./domain/roles.ts";
import type { Actor } from "./store/store.ts";

/** What the middleware puts on every request's context. */
export interface AppEnv {
  Variables: {
    /** The signed-in user, or null. */
    user: User | null;
    /** A signed-in session's step to take first, on a path outside that step (the user is null there). */
    pending: PendingStep | null;
    /** The SHA-256 of the request's session id, when it carried a valid one. */
    sessionHash: string | null;
    /** Who is acting, from where, and when: what the audit log records. */
    actor: Actor;
    /** Whether anyone may read the figures (PUBLIC_DASHBOARD), for routes whose access is "dashboard". */
    publicDashboard: boolean;
    /** Whether answers are checked against their contracts (the tests): contract/documented.ts. */
    checkAnswers: boolean;
    /** The answer was sent as kept (kept-answer.ts): its encoding, tag and caching are its own. */
    kept?: boolean;
  };
}
