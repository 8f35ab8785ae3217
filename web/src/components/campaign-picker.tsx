import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../lib/i18n.tsx";
import { campaignsQuery } from "../lib/queries.ts";

/** Which campaign the figures are judged by: the current one, or a past one with its own dates and targets. */
export function CampaignPicker({
  value,
  onChange,
}: {
  value: number;
  onChange: (id: string | null) => void;
}) {
  const { t, fill } = useI18n();
  const campaigns = useQuery(campaignsQuery());
  if (!campaigns.data || campaigns.data.campaigns.length < 2) return null;
  const { currentId } = campaigns.data;
  return (
    <label className="campaign-picker">
      <span>{t.area.campaign}</span>
      <select
        value={value}
        onChange={(e) => onChange(Number(e.target.value) === currentId ? null : e.target.value)}
      >
        {campaigns.data.campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.id === currentId ? fill(t.area.current, { name: c.name }) : c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
