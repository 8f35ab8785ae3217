import { Hono } from "hono";
import { z } from "zod";
import { allow } from "../auth/middleware.ts";
import { documented } from "../contract/documented.ts";
import { AuditAnswer } from "../contract/people.ts";
import { can } from "../domain/roles.ts";
import type { AppEnv } from "../env.ts";
import type { Store } from "../store/store.ts";
import { countParam, isoDate, validQuery } from "../validation.ts";

const auditQuery = z.object({
  user: z.string().min(1).max(64).optional(),
  unit: z
    .string()
    .regex(/^(\d+|VN)$/, "must be a unit code")
    .optional(),
  action: z
    .string()
    .regex(/^[a-z_.]+$/, "must be an action such as login or user.update")
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: countParam.pipe(z.number().min(1).max(1000)).default(200),
});

export function auditRoutes(store: Store) {
  return new Hono<AppEnv>().get(
    "/",
    documented({
      summary: "The audit log: who changed what, when, from where (police, admin)",
      tag: "Accounts",
      access: "signed-in",
      answers: { 200: AuditAnswer },
    }),
    allow(store, (user) => can(user, "readAudit"), "read the audit log"),
    validQuery(auditQuery),
    async (c) => {
      const q = c.req.valid("query");
      const entries = await store.auditLog({
        username: q.user,
        unitId: q.unit,
        action: q.action,
        from: q.from,
        to: q.to,
        limit: q.limit,
      });
      return c.json({ entries });
    },
  );
}
