// Manages users from the command line (npm run user -- …), in the database the server uses
// (DATABASE_URL, else DATABASE_PATH).
//   add NAME --role ROLE [--unit CODE] --password-stdin
//   passwd NAME --password-stdin
//   disable NAME
//   reset-second-factor NAME   (a lost phone with no other admin to reset it from the web)
//   list

import { parseArgs } from "node:util";
import { hashPassword, passwordContext, passwordProblem } from "../server/src/auth/passwords.ts";
import { databaseLocation, loadConfig } from "../server/src/config.ts";
import { vietnamDate } from "../server/src/domain/dates.ts";
import { bindingProblem, ROLES, type Role } from "../server/src/domain/roles.ts";
import { type Actor, openStore } from "../server/src/store/store.ts";

const USAGE = `usage: npm run user -- add NAME --role ${ROLES.join("|")} [--unit CODE] --password-stdin
       npm run user -- passwd NAME --password-stdin
       npm run user -- disable NAME
       npm run user -- reset-second-factor NAME
       npm run user -- list`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function readPassword(username: string): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  const password = text.replace(/\r?\n$/, "");
  const problem = passwordProblem(password, await passwordContext(store, username));
  if (problem) fail(`Password refused: ${problem.message}`);
  return password;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: "string" }, unit: { type: "string" }, "password-stdin": { type: "boolean" } },
});
const [command, name] = positionals;
const config = loadConfig();
const store = await openStore(databaseLocation(config));
// Never seeds: the server fills an empty database at its start, with demo data only when told to.
const actor: Actor = {
  userId: null,
  username: `cli:${process.env.USER ?? "unknown"}`,
  ip: null,
  at: new Date().toISOString(),
};

try {
  if (command === "list") {
    for (const user of await store.listUsers()) {
      console.log(
        [
          user.username,
          user.role,
          user.unitId ?? "-",
          user.disabled ? "disabled" : "active",
          user.secondFactor ? "second-factor" : "password-only",
        ].join("\t"),
      );
    }
  } else if (command === "add" && name) {
    const role = values.role as Role;
    if (!ROLES.includes(role))
      fail(`--role must be one of ${ROLES.join(", ")}, not ${JSON.stringify(values.role)}`);
    const unitId = values.unit ?? null;
    if (role === "commune" && !unitId) fail("a commune user needs --unit CODE (the commune's official code)");
    if (unitId) {
      const unit = (await store.unitHistory()).treeOn(vietnamDate(Date.now())).get(unitId);
      const problem = bindingProblem(role, unitId, unit);
      if (problem) fail(`--unit ${problem}`);
    }
    if (!values["password-stdin"]) fail("give the password on standard input with --password-stdin");
    if (await store.findUserForLogin(name)) fail(`the username ${name} is taken`);
    const passwordHash = await hashPassword(await readPassword(name));
    const user = await store.createUser({ username: name, role, unitId, passwordHash }, actor);
    console.log(`Added ${user.username} (${user.role}${user.unitId ? `, ${user.unitId}` : ""})`);
  } else if (command === "passwd" && name) {
    const found = await store.findUserForLogin(name);
    if (!found) fail(`no user ${name}`);
    if (!values["password-stdin"]) fail("give the password on standard input with --password-stdin");
    await store.updateUser(
      found.user.id,
      { passwordHash: await hashPassword(await readPassword(name)) },
      actor,
    );
    console.log(`Changed the password of ${found.user.username}; their sessions are ended`);
  } else if (command === "disable" && name) {
    const found = await store.findUserForLogin(name);
    if (!found) fail(`no user ${name}`);
    await store.updateUser(found.user.id, { disabled: true }, actor);
    console.log(`Disabled ${found.user.username}; their sessions are ended`);
  } else if (command === "reset-second-factor" && name) {
    const found = await store.findUserForLogin(name);
    if (!found) fail(`no user ${name}`);
    await store.resetSecondFactor(found.user.id, actor);
    console.log(`Reset the second factor of ${found.user.username}; they enrol again at their next sign-in`);
  } else {
    fail(USAGE);
  }
} finally {
  await store.close();
}
