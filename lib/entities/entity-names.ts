import "server-only";
import { InvalidError } from "@/lib/errors";

export const dedupe = (aliases: string[], name: string) => [...new Set(aliases.filter((a) => a.toLowerCase() !== name.toLowerCase()))];

export const duplicateName = () =>
  new InvalidError("An entity with this name already exists in the case.", [
    { path: "name", message: "An entity with this name already exists in the case." },
  ]);
