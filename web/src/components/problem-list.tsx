import { problemText, type ServerProblem } from "@vneid-tracker/server/domain/problem-text.ts";
import { useI18n } from "../lib/i18n.tsx";
import { Icon } from "./icon.tsx";

/** Errors or warnings of a report, each naming the field and the numbers; announced unless `announce` is false. */
export function ProblemList({
  title,
  problems,
  tone,
  announce = true,
}: {
  title: string;
  problems: readonly ServerProblem[];
  tone: "error" | "warning";
  announce?: boolean;
}) {
  const { t, f } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div
      className={`problems problems-${tone}`}
      role={announce ? (tone === "error" ? "alert" : "status") : undefined}
    >
      <strong>
        <Icon name="warning" /> {title}
      </strong>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.field}-${problem.code}`}>{problemText(problem, t, f)}</li>
        ))}
      </ul>
    </div>
  );
}
