import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_DATABASE_URL, TEST_ENGINE } from "../../test/testing.ts";
import { createTestDatabase } from "../../test/testing-postgres.ts";
import { addDays } from "../domain/dates.ts";
import { overviewFromStates, overviewOf } from "../domain/overview.ts";
import type { Unit } from "../domain/types.ts";
import { openStore, type Store } from "./store.ts";

const UNITS: Unit[] = [
  { id: "1", name: "Huyện Thử", kind: "district", parentId: null },
  { id: "11", name: "Xã Một", kind: "commune", parentId: "1" },
  { id: "12", name: "Xã Hai", kind: "commune", parentId: "1" },
  { id: "13", name: "Xã Ba", kind: "commune", parentId: "1" },
];
const actor = { userId: null, username: "test", ip: null, at: "2024-06-01T00:00:00Z" };
const dir = mkdtempSync(join(tmpdir(), "vneid-kept-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let databases = 0;

/** Two stores on one database, as two server processes have. */
async function twoProcesses(): Promise<[Store, Store]> {
  const location = TEST_DATABASE_URL
    ? await createTestDatabase(TEST_DATABASE_URL, null)
    : join(dir, `shared-${++databases}.db`);
  const writer = await openStore(location);
  await writer.saveUnits(UNITS);
  return [writer, await openStore(location)];
}

const commune = fc.constantFrom("11", "12", "13");
const day = fc.integer({ min: -20, max: 160 });
const operation = fc.oneof(
  fc.record({
    kind: fc.constant("save" as const),
    unitId: commune,
    day,
    population: fc.integer({ min: 1000, max: 5000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ kind: fc.constant("delete" as const), unitId: commune, day }),
  fc.record({ kind: fc.constant("campaign" as const), paceWindowDays: fc.integer({ min: 7, max: 42 }) }),
  fc.record({ kind: fc.constant("rename" as const), unitId: commune, name: fc.constantFrom("Xã A", "Xã B") }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function apply(store: Store, op: Operation) {
  const date = addDays("2024-02-03", "day" in op ? op.day : 0);
  if (op.kind === "save") {
    const level2 = Math.floor(op.population * op.share);
    await store.saveReports(
      [{ unitId: op.unitId, date, population: op.population, level2, dual: level2, linked: level2 >> 1 }],
      actor,
    );
  } else if (op.kind === "delete") await store.deleteReport(op.unitId, date, actor);
  else if (op.kind === "campaign") {
    const current = await store.campaign();
    await store.updateCampaign(current.id, { ...current, paceWindowDays: op.paceWindowDays }, actor);
  } else await store.saveUnits([{ ...(UNITS.find((u) => u.id === op.unitId) as Unit), name: op.name }]);
}

describe("each commune's state kept by a process (store/areas/reports.ts reportingStates)", () => {
  it("gives the overview recomputed from the whole history, after writes through another process", {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(operation, fc.constantFrom(0, 1)), { minLength: 1, maxLength: 12 }),
        fc.tuple(day, day),
        async (steps, [first, second]) => {
          const stores = await twoProcesses();
          const dates = [addDays("2024-02-03", first), addDays("2024-02-03", second)];
          try {
            for (const [op, through] of steps) {
              await apply(stores[through] as Store, op);
              for (const reader of stores) {
                const history = await reader.unitHistory();
                const tree = history.treeOn(dates[0] as string);
                const campaign = await reader.campaign();
                const full = await reader.reportHistories(["11", "12", "13"]);
                for (const date of dates) {
                  const states = await reader.reportingStates(
                    history,
                    tree.reportingUnitsUnder("1"),
                    campaign,
                    date,
                  );
                  expect(overviewFromStates(tree, "1", states, campaign, date)).toEqual(
                    overviewOf(tree, "1", full, campaign, date),
                  );
                }
              }
            }
          } finally {
            for (const store of stores) await store.close();
          }
        },
      ),
      // Each run is a new database: on PostgreSQL that takes a tenth of a second.
      { numRuns: TEST_ENGINE === "postgres" ? 25 : 100 },
    );
  });
});
