import openapiTS, { astToString } from "openapi-typescript";
import { createApp } from "../app.ts";
import { openStore } from "../store/store.ts";
import { openApiDocument } from "./document.ts";

/** The TypeScript declarations of the API's OpenAPI document, as the web imports them. */
export async function contractTypes(): Promise<string> {
  const store = await openStore(":memory:");
  try {
    const app = createApp({
      store,
      config: {
        homeUnit: null,
        webDist: "web/dist",
        dataDir: "data",
        publicDashboard: false,
        cookieSecure: false,
        trustProxy: 0,
      },
    });
    const document = await openApiDocument(app);
    const ast = await openapiTS(document as never);
    return `// Written by npm run contract from the API's OpenAPI document: do not edit.\n${astToString(ast)}`;
  } finally {
    await store.close();
  }
}
