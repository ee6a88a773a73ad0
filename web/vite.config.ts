// Vite config for the PlanTrack web app. Run from the repository root:
//   npm run dev:web     (dev server, /api proxied to the API server)
//   npm run build:web   (production build into web/dist, served by `plantrack serve`)
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
// The API server the dev server forwards /api to; PLANTRACK_API_URL overrides it.
const apiTarget = process.env.PLANTRACK_API_URL ?? "http://localhost:3000";

export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        // Keep the large, rarely changing libraries in their own cacheable chunks.
        manualChunks(id: string) {
          if (!id.includes("node_modules")) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return "react";
          if (/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+|dayjs)\//.test(id)) return "antd";
          // Charts only for the pages that draw them (the cockpit is loaded lazily): not in "vendor".
          if (/node_modules\/(echarts|zrender)\//.test(id)) return "echarts";
          return "vendor";
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
    },
  },
});
