// Writes the web's types of the API from its OpenAPI document (npm run contract): the routes'
// contracts (server/src/contract) → /api/openapi.json → web/src/lib/api-contract.d.ts. The test
// server/src/contract/contract.test.ts fails when the file is not what this would write.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { contractTypes } from "../server/src/contract/web-types.ts";

const file = fileURLToPath(new URL("../web/src/lib/api-contract.d.ts", import.meta.url));
writeFileSync(file, await contractTypes());
console.log(`wrote ${file}`);
