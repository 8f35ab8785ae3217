import { useLocation, useSearch } from "wouter";

/** A query-string parameter as state, so that every view is a shareable URL (`/?date=2024-04-13`). */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const set = (value: string | null) => {
    const next = new URLSearchParams(search);
    if (value === null) next.delete(name);
    else next.set(name, value);
    const query = next.toString();
    navigate(query ? `${location}?${query}` : location);
  };
  return [params.get(name), set];
}
