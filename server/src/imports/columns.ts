import { foldText } from "../domain/unit-names.ts";

export const COLUMNS = ["unit_code", "unit_name", "date", "population", "level2", "dual", "linked"] as const;
export type Column = (typeof COLUMNS)[number];

/** Header names in English and Vietnamese, folded (no case, spaces or diacritics). */
const ALIASES: Record<Column, string[]> = {
  unit_code: ["unit code", "unit_code", "ma don vi", "ma", "code"],
  unit_name: ["unit name", "unit_name", "ten don vi", "don vi", "ten xa", "xa"],
  date: ["date", "ngay", "ngay so lieu", "ngay bao cao"],
  population: ["population", "dan so", "dan so thuoc dien"],
  level2: ["level2", "level 2", "tai khoan muc 2", "tai khoan dinh danh dien tu muc 2", "muc 2"],
  dual: ["dual", "co ca hai tai khoan", "co 2 tai khoan", "co hai tai khoan"],
  linked: ["linked", "da lien ket", "da lien ket tai khoan"],
};

const LOOKUP = new Map<string, Column>(
  Object.entries(ALIASES).flatMap(([column, names]) =>
    names.map((name) => [foldText(name), column as Column]),
  ),
);

export interface HeaderMap {
  /** Column → index in the row. */
  index: Partial<Record<Column, number>>;
  ignored: string[];
  missing: Column[];
}

/** Matches a header row, in any order, ignoring case, surrounding spaces and diacritics. */
export function mapHeader(header: readonly string[]): HeaderMap {
  const index: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  header.forEach((cell, i) => {
    const column = LOOKUP.get(foldText(String(cell)));
    if (column && index[column] === undefined) index[column] = i;
    else if (String(cell).trim() !== "") ignored.push(String(cell));
  });
  const missing: Column[] = (["date", "population", "level2", "dual", "linked"] as const).filter(
    (c) => index[c] === undefined,
  );
  if (index.unit_code === undefined && index.unit_name === undefined) missing.unshift("unit_code");
  return { index, ignored, missing };
}
