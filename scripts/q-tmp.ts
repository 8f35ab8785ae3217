import { createDemoApp, createUser, getJson, postJson, signIn } from "../server/src/testing.ts";
const { app, store } = await createDemoApp();
await createUser(store, { username: "p", role: "police" });
const police = await signIn(app, "p");
console.log((await postJson(app, "/api/approvals", { unitId: "547", week: "2024-W26" }, police)).status);
const o = (await getJson(app, "/api/overview?date=2024-06-29")).body;
console.log(o.week, o.approval, o.date);
