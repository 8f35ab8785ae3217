// The layers of docs/architecture.md, enforced: a wrong import fails this test (run by npm test).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SERVER = join(ROOT, "server/src");
const WEB = join(ROOT, "web/src");
const EXPORTS: Record<string, string> = JSON.parse(
  readFileSync(join(ROOT, "server/package.json"), "utf8"),
).exports;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The files a module imports, resolved: relative paths and the server package's subpaths. */
export function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [
    ...source.matchAll(/(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s+["']([^"']+)["']/g),
  ].map((m) => m[1] as string);
  return specifiers.flatMap((spec) => {
    if (spec.startsWith(".")) return [resolve(dirname(file), spec)];
    const sub = spec.match(/^@vneid-tracker\/server\/(.+)$/)?.[1];
    if (!sub) return [];
    for (const [key, target] of Object.entries(EXPORTS)) {
      const pattern = key.replace(/^\.\//, "");
      if (pattern === sub) return [join(ROOT, "server", target)];
      if (pattern.endsWith("*") && sub.startsWith(pattern.slice(0, -1)))
        return [join(ROOT, "server", target.replace("*", sub.slice(pattern.length - 1)))];
    }
    return [join(ROOT, "server/src", sub)];
  });
}

const production = (file: string) => !/\.test\.tsx?$/.test(file);
const inside = (dir: string) => (file: string) => file.startsWith(`${dir}/`);

/** Every import of `from` files into `to` files, as "from → to" lines (empty when there is none). */
function crossings(from: string[], forbidden: (target: string, source: string) => boolean): string[] {
  return from.flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden(target, file))
      .map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`),
  );
}

describe("the layers", () => {
  const server = files(SERVER).filter(production);
  const web = files(WEB).filter(production);

  it("no route imports another route: what several routes share lives in services/", () => {
    const routes = server.filter(inside(join(SERVER, "routes")));
    expect(crossings(routes, (target) => inside(join(SERVER, "routes"))(target))).toEqual([]);
  });

  it("the web never imports the store, the routes or the server's middleware", () => {
    const forbidden = ["store", "routes", "services"].map((dir) => inside(join(SERVER, dir)));
    expect(crossings(web, (target) => forbidden.some((f) => f(target)))).toEqual([]);
  });

  it("the domain is pure: it imports only the domain and the message catalogue", () => {
    const domain = server.filter(inside(join(SERVER, "domain")));
    const allowed = [join(SERVER, "domain"), join(SERVER, "messages")].map(inside);
    expect(crossings(domain, (target) => !allowed.some((a) => a(target)))).toEqual([]);
  });

  it("refuses a web import of a store module (server/test/layers.fixture.ts stands in for a web file)", () => {
    const fixture = join(ROOT, "server/test/layers.fixture.ts");
    expect(crossings([fixture], inside(join(SERVER, "store")))).toEqual([
      "server/test/layers.fixture.ts → server/src/store/audit.ts",
    ]);
  });

  it("keeps the tests' helpers out of the product: nothing in server/src imports server/test", () => {
    expect(crossings(server, inside(join(ROOT, "server/test")))).toEqual([]);
  });

  it("has no import loop", () => {
    const graph = new Map(
      [...server, ...web].map((file) => [
        file,
        importsOf(file).map((t) => (/\.tsx?$/.test(t) ? t : `${t}.ts`)),
      ]),
    );
    const loops: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        loops.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)).join(" → "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(loops).toEqual([]);
  });
});
