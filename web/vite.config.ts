import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/**
 * `first-paint.js`, the classic script `index.html` runs before the app's modules (lib/kept-paint.ts),
 * is built under a name with its hash like the modules: the service worker then gives it straight
 * from the precache as well (public/sw-routes.js), and a copy kept anywhere belongs to its build.
 */
function firstPaintScript(): Plugin {
  const source = () => readFileSync(new URL("./first-paint.js", import.meta.url), "utf8");
  return {
    name: "first-paint-script",
    // The dev server sends it under its plain name, as it is on disk.
    configureServer(server) {
      server.middlewares.use("/first-paint.js", (_request, response) => {
        response.setHeader("Content-Type", "text/javascript");
        response.end(source());
      });
    },
    buildStart() {
      if (this.meta.watchMode === false)
        this.emitFile({ type: "asset", name: "first-paint.js", source: source() });
    },
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        if (!context.bundle) return html;
        const built = Object.values(context.bundle).find(
          (file) => file.type === "asset" && file.names.includes("first-paint.js"),
        );
        if (!built || !html.includes('src="/first-paint.js"'))
          throw new Error("index.html: first-paint.js is not where the build expects it");
        return html.replace('src="/first-paint.js"', `src="/${built.fileName}"`);
      },
    },
  };
}

export default defineConfig({
  // The figures kept on the device are dropped when a new build may have changed their shape.
  define: { "import.meta.env.VITE_BUILD": JSON.stringify(String(Date.now())) },
  plugins: [
    react(),
    firstPaintScript(),
    // An installable app (docs/offline.md): Workbox precaches the app shell, so a return visit and
    // a visit without a signal open at once. The figures are not cached here but by TanStack Query's
    // persister (lib/offline-cache.ts): it knows which answer is whose and how old it is.
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: "script-defer",
      includeAssets: ["icon.svg"],
      manifest: {
        name: "Tiến độ định danh điện tử mức 2",
        short_name: "Định danh mức 2",
        description:
          "Theo dõi tiến độ tạo tài khoản định danh điện tử mức 2 và liên kết tài khoản theo từng xã.",
        lang: "vi",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#0b5cad",
        background_color: "#ffffff",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // Every page of the app is index.html; the API and the generated documents never are.
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        importScripts: ["/sw-routes.js"],
      },
    }),
  ],
  build: {
    // No module preloads, in index.html or before a page loaded on demand: modules are asked for as
    // their importers are read. The service worker precaches every one of them during the first
    // visit, so they come from the phone after it, and fewer are compiled before the copy of the last
    // page (lib/kept-paint.ts) paints (the return visit measured 472–528 ms without them against
    // 560–660 ms with them, in runs before the benchmark waited for the copy; docs/benchmarks.md).
    modulePreload: false,
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
