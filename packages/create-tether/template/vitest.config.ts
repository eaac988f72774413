import { defineConfig } from "vitest/config";

// Tests run from the project's root (vite.config.ts roots the page in web/).
export default defineConfig({ test: { root: ".", include: ["test/**/*.test.ts"] } });
