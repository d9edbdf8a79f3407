// The only module that reads process.env. Entry points call loadConfig() once and pass plain values down,
// so a bad setting fails at boot rather than on the first request.
import { z } from 'zod';

const DEV_JWT_SECRET = 'development-only-secret-change-me-0123456789';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().optional(), // absent: bin/dev.ts starts an embedded PostgreSQL
  TEMPORAL_ADDRESS: z.string().min(1).optional(), // absent: bin/dev.ts starts the Temporal dev server
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('cases'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  JWT_SECRET: z.string().min(32).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  WORKFLOW_BUNDLE: z.string().min(1).optional(), // a prebuilt workflow bundle file for bin/worker.ts (bin/worker-runtime.ts)
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const e = Env.parse(env);
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) throw new Error('JWT_SECRET (32+ characters) is required in production');
  return {
    env: e.NODE_ENV,
    db: { url: e.DATABASE_URL },
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, taskQueue: e.TEMPORAL_TASK_QUEUE },
    http: { port: e.PORT },
    auth: { jwtSecret: e.JWT_SECRET ?? DEV_JWT_SECRET },
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    workflowBundlePath: e.WORKFLOW_BUNDLE,
  } as const;
}

export type AppConfig = ReturnType<typeof loadConfig>;
