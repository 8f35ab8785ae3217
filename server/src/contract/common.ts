import { z } from "zod";
import { LANGUAGES, REMINDER_CHANNELS } from "../domain/contacts.ts";
import { ACTIONS, ROLES } from "../domain/roles.ts";
import { UNIT_KINDS } from "../domain/types.ts";

// The shapes every group of routes shares. Answers are strict objects: a key the contract does not
// name fails the tests' check of answers (documented.ts), so the document cannot fall behind the code.

export const ErrorAnswer = z
  .strictObject({
    error: z.strictObject({
      code: z.string().meta({ description: "Stable, for programs and for the web's translations" }),
      message: z.string().meta({ description: "English, for people reading logs" }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export const isoDay = z.string().meta({ format: "date", examples: ["2024-06-29"] });
export const isoTime = z.string().meta({ format: "date-time" });
export const unitCode = z.string().meta({ examples: ["21850"] });
export const percentText = z
  .string()
  .meta({ description: "Truncated to two decimals, as written", examples: ["65.68"] });

export const UnitRef = z
  .strictObject({
    id: unitCode,
    name: z.string(),
    validFrom: isoDay.nullable().optional(),
    validTo: isoDay.nullable().optional(),
  })
  .meta({ id: "UnitRef" });

export const Unit = z
  .strictObject({
    id: unitCode,
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    parentId: unitCode.nullable(),
    validFrom: isoDay
      .nullable()
      .optional()
      .meta({ description: "The version begins (null: from the start)" }),
    validTo: isoDay.nullable().optional().meta({ description: "The version ends, exclusive (null: no end)" }),
    successors: z.array(UnitRef).optional(),
    predecessors: z.array(UnitRef).optional(),
  })
  .meta({ id: "Unit", description: "One version of a unit: a code names one version on each date" });

export const Standing = z
  .enum(["valid", "former", "future"])
  .meta({ description: "Where the version stands on the date asked about" });

export const Role = z.enum(ROLES);
export const Action = z.enum(ACTIONS);

export const UnitVersionRange = z.strictObject({
  id: unitCode,
  validFrom: isoDay.nullable(),
  validTo: isoDay.nullable(),
});

export const User = z
  .strictObject({
    id: z.number().int(),
    username: z.string(),
    role: Role,
    unitId: unitCode.nullable(),
    unitFrom: isoDay.nullable(),
    versions: z.array(UnitVersionRange).optional(),
    actions: z.array(Action).optional(),
    fullName: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    reminderChannel: z.enum(REMINDER_CHANNELS).nullable().meta({
      description: "How reminders reach the account; null: the first channel configured it can be reached by",
    }),
    language: z.enum(LANGUAGES).meta({ description: "The language of its reminders" }),
    mustChangePassword: z.boolean().meta({ description: "Sets its own password at the next sign-in" }),
    secondFactor: z.boolean().meta({ description: "Signs in with a TOTP code as well" }),
    pending: z
      .enum(["password", "secondFactor"])
      .optional()
      .meta({ description: "What this session must do before anything else" }),
    disabled: z.boolean(),
    createdAt: isoTime,
  })
  .meta({ id: "User" });

export const Report = z
  .strictObject({
    unitId: unitCode,
    date: isoDay,
    population: z.number().int(),
    level2: z.number().int(),
    dual: z.number().int(),
    linked: z.number().int(),
  })
  .meta({ id: "Report" });

export const Problem = z
  .strictObject({
    field: z.string(),
    code: z.string(),
    message: z.string(),
    values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    value: z.unknown().optional(),
  })
  .meta({ id: "Problem" });
