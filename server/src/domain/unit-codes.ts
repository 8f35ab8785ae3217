/**
 * The unit a code names when it was written as a number that lost its leading zeros (a
 * spreadsheet's or a shapefile's habit: `4` for `00004`): the code as written when it is a unit,
 * else padded to a province's, a district's or a commune's length (2, 3, 5 digits) when that is one.
 */
export function codeAsWritten(written: string, known: (code: string) => boolean): string {
  if (known(written) || !/^\d+$/.test(written)) return written;
  return [2, 3, 5].map((n) => written.padStart(n, "0")).find(known) ?? written;
}
