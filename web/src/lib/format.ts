/** Vietnamese number and date habits: 80.272, 65,68%, 03/02/2024. */
const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

export const formatInteger = (n: number) => integer.format(n);

/** The API's canonical percent string ("65.68") with a Vietnamese decimal comma. */
export const formatPercent = (percent: string | null) =>
  percent === null ? "—" : `${percent.replace(".", ",")}%`;

export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}
