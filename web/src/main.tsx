import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { OverviewPage } from "./features/overview/overview-page.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <OverviewPage />
  </StrictMode>,
);
