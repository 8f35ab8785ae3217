// What the layers test must refuse in web/src: an import of a store module. Only layers.test.ts reads it.
export type { AuditFilter } from "../src/store/audit.ts";
