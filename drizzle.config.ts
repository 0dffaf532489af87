import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` is used: the app applies migrations itself on start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './drizzle',
});
