import tseslint from "typescript-eslint";

const platformSdks = ["@slack/*", "discord.js", "@discordjs/*", "discord-api-types", "discord-api-types/*"];
const prisma = ["@prisma/*", "prisma", "prisma/*", "pg", "@electric-sql/*", "pglite-prisma-adapter", "**/db/generated/*"];

// The core knows nothing of Slack, Discord or Prisma: SDK imports live in src/adapters, database
// imports in src/db, node-cron in src/jobs/scheduler.ts.
const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns: patterns.map((group) => ({ group: [group], message: "Keep platform SDKs in src/adapters/, Prisma and drivers in src/db/, node-cron in src/jobs/scheduler.ts." })) }] });

export default tseslint.config(
  { ignores: ["node_modules/", "src/db/generated/", ".data/", "prisma/engine/", "dist/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/**/*.ts", "commands/**/*.ts"], rules: restrict([...platformSdks, ...prisma, "node-cron"]) },
  { files: ["src/adapters/**/*.ts"], rules: restrict([...prisma, "node-cron"]) },
  { files: ["src/db/**/*.ts"], rules: restrict([...platformSdks, "node-cron"]) },
  { files: ["src/jobs/scheduler.ts"], rules: restrict([...platformSdks, ...prisma]) },
  // Benchmarks drive real SDKs and seed the database directly; nothing imports them.
  { files: ["src/bench/**/*.ts"], rules: restrict(["node-cron"]) },
);
