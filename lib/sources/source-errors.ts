import { Prisma } from "@/lib/generated/prisma/client";
import { InvalidError } from "@/lib/errors";

/** A second source of the same name in a case (the unique index on case and name). */
export const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

export const duplicateSourceName = (path = "name") =>
  new InvalidError("A source with this name already exists in the case.", [
    { path, message: "A source with this name already exists in the case." },
  ]);
