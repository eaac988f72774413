import { defineConfig } from "vite";

// The browser page lives in web/; `npm run build` writes it to dist/web.
export default defineConfig({ root: "web", build: { outDir: "../dist/web", emptyOutDir: true } });
