// The job pool's worker thread (job-pool.ts). The server runs its TypeScript through tsx, and a worker
// thread does not inherit the loader of the thread that started it: it registers tsx itself.
import { register } from "tsx/esm/api";

register();
await import("./job-worker.ts");
