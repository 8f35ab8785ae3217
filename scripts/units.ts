// Adds or renames administrative units from a CSV file (npm run units -- import FILE), in the
// database the server uses (DATABASE_URL, else DATABASE_PATH).
// The file has the columns code,name,kind,parent_code — for example the villages (thôn, tổ dân phố) of
// the communes, used as drive locations. Parents must exist (in the database or earlier in the file).
import { parseArgs } from "node:util";
import { databaseLocation, loadConfig } from "../server/src/config.ts";
import { readUnits, seedIfEmpty, unitProblems } from "../server/src/seed.ts";
import { openStore } from "../server/src/store/store.ts";

const { positionals } = parseArgs({ allowPositionals: true });
const [command, file] = positionals;
if (command !== "import" || !file) {
  console.error("usage: npm run units -- import FILE.csv   (columns: code,name,kind,parent_code)");
  process.exit(1);
}
const config = loadConfig();
const store = await openStore(databaseLocation(config));
try {
  await seedIfEmpty(store, config.dataDir, false);
  const units = readUnits(file);
  const problems = unitProblems(units, await store.unitTree());
  if (problems.length > 0) {
    console.error(`Nothing imported:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  } else {
    await store.saveUnits(units);
    console.log(`Imported ${units.length} units from ${file}`);
  }
} finally {
  await store.close();
}
