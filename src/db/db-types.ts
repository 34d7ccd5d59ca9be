import type { Prisma } from "./generated/client.ts";
import type { PrismaDb } from "./open-database";

/** Repositories run on the client or inside an interactive transaction alike. */
export type Db = PrismaDb | Prisma.TransactionClient;

/** Prisma's unique-constraint violation: how inserts that "claim" something learn they lost. */
export const isUniqueViolation = (e: unknown): boolean =>
  typeof e === "object" && e !== null && ((e as { code?: string }).code === "P2002" || /unique constraint/i.test(String((e as Error).message)));
