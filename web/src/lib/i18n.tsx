import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { type Formatters, formatters, type Language } from "./format.ts";

const vi = {
  appTitle: "Tiến độ định danh điện tử mức 2",
  skipToContent: "Chuyển đến nội dung chính",
  language: "Ngôn ngữ",
  switchLanguage: "English",
  switchLanguageLabel: "Switch to English",
  asOf: "Số liệu đến ngày",
  chooseDate: "Chọn ngày",
  previousWeek: "Tuần trước",
  nextWeek: "Tuần sau",
  previousWeekLabel: "Xem số liệu tuần trước",
  nextWeekLabel: "Xem số liệu tuần sau",
  latest: "Mới nhất",
  print: "In báo cáo",
  metricCoverage: "Định danh mức 2",
  metricLinking: "Liên kết tài khoản",
  metricChoice: "Chỉ số",
  coverageRate: "Tỷ lệ mức 2",
  linkRate: "Tỷ lệ liên kết",
  level2Accounts: "Tài khoản mức 2 / dân số",
  linkedAccounts: "Đã liên kết / có cả hai tài khoản",
  remaining: "Còn lại",
  people: "người",
  perDay: "người/ngày",
  requiredPerDay: "Cần mỗi ngày (người)",
  currentPace: "tốc độ hiện tại: {pace} người/ngày",
  eta: "Dự kiến đạt chỉ tiêu",
  etaNever: "Không kịp với tốc độ hiện tại",
  etaUnknown: "Chưa đủ số liệu để tính tốc độ",
  etaReached: "Đã đạt chỉ tiêu",
  daysLeft: "Số ngày còn lại",
  daysLeftValue: "{days} ngày",
  daysLeftTo: "đến hạn {deadline}",
  expectedShort: "kỳ vọng {percent}",
  paceUnknown: "chưa rõ",
  headlineOnTrack:
    "Còn {days} ngày đến {deadline}. Cần {required} người/ngày; tốc độ hiện tại {pace} người/ngày: kịp hạn.",
  headlineOffTrack:
    "Còn {days} ngày đến {deadline}. Cần {required} người/ngày; tốc độ hiện tại {pace} người/ngày: không kịp hạn.",
  headlineNoPace:
    "Còn {days} ngày đến {deadline}. Cần {required} người/ngày; chưa đủ báo cáo để tính tốc độ.",
  headlineReached: "Đã đạt chỉ tiêu {target} trước hạn {deadline}.",
  afterDeadline:
    "Đã qua hạn {deadline}. Kết quả chốt đến ngày {date}: {percent}, còn {remaining} người chưa có tài khoản mức 2.",
  reportingMissing: "{reporting}/{expected} xã đã báo cáo; số liệu thiếu {missing} xã.",
  trendTitle: "Xu hướng {unit}",
  trendSummary:
    "{metric} của {unit} từ {first} ({firstDate}) đến {last} ({lastDate}); kỳ vọng theo lộ trình đến ngày {lastDate} là {expected}.",
  trendProjection: "Với tốc độ hiện tại, dự kiến {percent} vào ngày {date}.",
  trendDeadline: "Đường dọc màu đỏ là hạn {deadline}.",
  showTable: "Xem bảng số liệu",
  hideTable: "Ẩn bảng số liệu",
  actual: "Thực tế",
  trajectory: "Kỳ vọng theo lộ trình",
  projection: "Dự báo theo tốc độ hiện tại",
  deadline: "Hạn",
  date: "Ngày",
  laggingTitle: "Xã chậm tiến độ ({count})",
  laggingNone: "Không có xã nào chậm tiến độ vào ngày này.",
  laggingLine: "{percent} · kỳ vọng {expected}",
  laggingNeeds: "thiếu {gap} người so với lộ trình · cần {required} người/ngày, hiện tại {pace}",
  lagging: "Chậm tiến độ",
  rankingTitle: "Xếp hạng các xã theo {metric}",
  rankingExpectedTick: "Vạch dọc: mức kỳ vọng theo lộ trình.",
  tableTitle: "Bảng các xã",
  tableCaption: "Bảng các xã, sắp xếp được theo từng cột",
  colUnit: "Xã, thị trấn",
  colRate: "Tỷ lệ",
  colChange: "So với tuần trước",
  colExpected: "Kỳ vọng",
  colGap: "Thiếu so với lộ trình (người)",
  colPace: "Tốc độ/ngày",
  colRequired: "Cần/ngày",
  colEta: "Dự kiến đạt",
  colLastReport: "Báo cáo gần nhất",
  colFlags: "Cảnh báo",
  colRank: "Hạng",
  sortBy: "Sắp xếp theo {column}",
  noFlags: "Không có",
  rankOf: "Hạng {rank}/{of} trong {parent}",
  backTo: "← {unit}",
  communeRemaining: "Còn {remaining} người chưa có tài khoản mức 2 · cần {required} người/ngày",
  communeGapBehind: "Thấp hơn lộ trình {gap} người; cần thêm {shortfall} người/ngày so với tốc độ hiện tại.",
  communeGapBehindNoPace: "Thấp hơn lộ trình {gap} người.",
  communeGapAhead: "Cao hơn lộ trình {gap} người.",
  flagsTitle: "Cảnh báo",
  historyTitle: "Lịch sử báo cáo",
  population: "Dân số",
  level2: "Tài khoản mức 2",
  dual: "Có cả hai tài khoản",
  linked: "Đã liên kết",
  loading: "Đang tải số liệu…",
  errorTitle: "Không tải được số liệu",
  retry: "Thử lại",
  emptyReports: "Chưa có báo cáo nào của {unit} đến ngày {date}.",
  notFoundTitle: "Không tìm thấy trang",
  notFoundBody: "Địa chỉ này không có trong ứng dụng.",
  goHome: "Về trang tổng quan",
  errors: {
    UNIT_NOT_FOUND: "Không có đơn vị với mã này.",
    INVALID_QUERY: "Ngày hoặc tham số trên địa chỉ không hợp lệ.",
    NETWORK: "Không kết nối được máy chủ.",
    other: "Máy chủ không trả lời được yêu cầu.",
  },
  flag: {
    BEHIND: "Chậm so với lộ trình",
    OFF_PACE: "Không kịp hạn",
    STALE: "Chưa cập nhật số liệu",
    DATA: "Cần kiểm tra số liệu",
  },
  flagMetric: { coverage: "mức 2", linking: "liên kết" },
  flagText: {
    behind:
      "{metric} {percent}, thấp hơn mức kỳ vọng {expected} là {points} điểm phần trăm: cần thêm {gap} tài khoản để về đúng lộ trình.",
    offPaceNoProgress: "{count} không tăng trong {window} ngày qua; còn {remaining} người, {need}.",
    offPaceLate:
      "Với tốc độ {pace} người/ngày, {remaining} người còn lại đến {eta} mới xong, không kịp hạn {deadline}; {need}.",
    need: "cần {required} người/ngày",
    afterDeadline: "hạn đã qua",
    staleUnit: "Báo cáo gần nhất ngày {latest}, đã {age} ngày (quá {staleDays} ngày).",
    missingUnit: "Chưa có báo cáo nào đến ngày {date}.",
    staleParent: "{stale}/{expected} xã chưa cập nhật số liệu trong {staleDays} ngày.",
    missingParent: "{missing}/{expected} xã chưa có báo cáo nào.",
    dataAbove: "{field} ({count}) lớn hơn {base}.",
    dataFell: "{field} giảm từ {previous} (ngày {previousDate}) xuống {current}.",
    dataParent: "{count}/{expected} xã có số liệu cần kiểm tra (tỷ lệ trên 100% hoặc số liệu giảm).",
  },
  metricRateName: { coverage: "Tỷ lệ mức 2", linking: "Tỷ lệ liên kết" },
  metricCountName: { coverage: "Số tài khoản mức 2", linking: "Số tài khoản đã liên kết" },
  fieldName: {
    level2: "Số tài khoản mức 2",
    dual: "Số người có cả hai tài khoản",
    linked: "Số tài khoản đã liên kết",
  },
  baseName: { coverage: "dân số thuộc diện ({base})", linking: "số người có cả hai tài khoản ({base})" },
};

export type Dictionary = typeof vi;

const en: Dictionary = {
  appTitle: "VNeID level-2 rollout",
  skipToContent: "Skip to main content",
  language: "Language",
  switchLanguage: "Tiếng Việt",
  switchLanguageLabel: "Chuyển sang tiếng Việt",
  asOf: "Figures as of",
  chooseDate: "Choose a date",
  previousWeek: "Previous week",
  nextWeek: "Next week",
  previousWeekLabel: "Show the previous week's figures",
  nextWeekLabel: "Show the next week's figures",
  latest: "Latest",
  print: "Print report",
  metricCoverage: "Level-2 accounts",
  metricLinking: "Account linking",
  metricChoice: "Metric",
  coverageRate: "Level-2 coverage",
  linkRate: "Link rate",
  level2Accounts: "Level-2 accounts / population",
  linkedAccounts: "Linked / holding both accounts",
  remaining: "Still to reach",
  people: "people",
  perDay: "per day",
  requiredPerDay: "Needed per day (people)",
  currentPace: "current pace: {pace} per day",
  eta: "Target reached on",
  etaNever: "Not at the current pace",
  etaUnknown: "Not enough reports to measure the pace",
  etaReached: "Target reached",
  daysLeft: "Days left",
  daysLeftValue: "{days} days",
  daysLeftTo: "to the {deadline} deadline",
  expectedShort: "expected {percent}",
  paceUnknown: "unknown",
  headlineOnTrack:
    "{days} days to {deadline}. {required} needed per day; current pace {pace} per day: on time.",
  headlineOffTrack:
    "{days} days to {deadline}. {required} needed per day; current pace {pace} per day: not in time.",
  headlineNoPace:
    "{days} days to {deadline}. {required} needed per day; not enough reports yet to measure the pace.",
  headlineReached: "The {target} target was reached before the {deadline} deadline.",
  afterDeadline:
    "The {deadline} deadline has passed. Final standing as of {date}: {percent}, {remaining} people still without a level-2 account.",
  reportingMissing: "{reporting} of {expected} communes have reported; {missing} are missing.",
  trendTitle: "Trend: {unit}",
  trendSummary:
    "{metric} of {unit} went from {first} ({firstDate}) to {last} ({lastDate}); the trajectory expected {expected} by {lastDate}.",
  trendProjection: "At the current pace: {percent} on {date}.",
  trendDeadline: "The red vertical line is the {deadline} deadline.",
  showTable: "Show the data table",
  hideTable: "Hide the data table",
  actual: "Actual",
  trajectory: "Expected trajectory",
  projection: "Projection at the current pace",
  deadline: "Deadline",
  date: "Date",
  laggingTitle: "Lagging communes ({count})",
  laggingNone: "No commune is lagging on this date.",
  laggingLine: "{percent} · expected {expected}",
  laggingNeeds: "{gap} people behind the trajectory · needs {required} per day, current pace {pace}",
  lagging: "Lagging",
  rankingTitle: "Communes ranked by {metric}",
  rankingExpectedTick: "Vertical mark: the value expected on the trajectory.",
  tableTitle: "Communes",
  tableCaption: "Communes; every column can be sorted",
  colUnit: "Commune",
  colRate: "Rate",
  colChange: "Change since last week",
  colExpected: "Expected",
  colGap: "Behind the trajectory (people)",
  colPace: "Pace/day",
  colRequired: "Needed/day",
  colEta: "Target reached on",
  colLastReport: "Latest report",
  colFlags: "Flags",
  colRank: "Rank",
  sortBy: "Sort by {column}",
  noFlags: "None",
  rankOf: "Rank {rank} of {of} in {parent}",
  backTo: "← {unit}",
  communeRemaining: "{remaining} people still without a level-2 account · {required} needed per day",
  communeGapBehind:
    "{gap} people behind the trajectory; {shortfall} more per day needed than the current pace.",
  communeGapBehindNoPace: "{gap} people behind the trajectory.",
  communeGapAhead: "{gap} people ahead of the trajectory.",
  flagsTitle: "Flags",
  historyTitle: "Report history",
  population: "Population",
  level2: "Level-2 accounts",
  dual: "Holding both accounts",
  linked: "Linked",
  loading: "Loading figures…",
  errorTitle: "The figures could not be loaded",
  retry: "Try again",
  emptyReports: "{unit} has no report up to {date}.",
  notFoundTitle: "Page not found",
  notFoundBody: "This address is not part of the app.",
  goHome: "Back to the overview",
  errors: {
    UNIT_NOT_FOUND: "No unit has this code.",
    INVALID_QUERY: "The date or a parameter in the address is not valid.",
    NETWORK: "The server could not be reached.",
    other: "The server could not answer the request.",
  },
  flag: {
    BEHIND: "Behind the trajectory",
    OFF_PACE: "Off pace",
    STALE: "Report out of date",
    DATA: "Figures to check",
  },
  flagMetric: { coverage: "level 2", linking: "linking" },
  flagText: {
    behind:
      "{metric} {percent}, {points} points below the {expected} expected: {gap} more accounts needed to be back on the trajectory.",
    offPaceNoProgress: "{count} did not grow over the last {window} days; {remaining} people to go, {need}.",
    offPaceLate:
      "At {pace} per day the {remaining} people still to reach take until {eta}, after the {deadline} deadline; {need}.",
    need: "{required} needed per day",
    afterDeadline: "the deadline has passed",
    staleUnit: "Latest report dated {latest}, {age} days old (more than {staleDays}).",
    missingUnit: "No report up to {date}.",
    staleParent: "{stale} of {expected} communes have not reported in {staleDays} days.",
    missingParent: "{missing} of {expected} communes have no report at all.",
    dataAbove: "{field} ({count}) exceeds the {base}.",
    dataFell: "{field} fell from {previous} (on {previousDate}) to {current}.",
    dataParent:
      "{count} of {expected} communes have figures to check (a rate above 100% or a count that fell).",
  },
  metricRateName: { coverage: "Level-2 coverage", linking: "Link rate" },
  metricCountName: { coverage: "Level-2 accounts", linking: "Linked accounts" },
  fieldName: { level2: "Level-2 accounts", dual: "People holding both accounts", linked: "Linked accounts" },
  baseName: { coverage: "population in scope ({base})", linking: "people holding both accounts ({base})" },
};

export const dictionaries: Record<Language, Dictionary> = { vi, en };
const STORAGE_KEY = "vneid-tracker.language";

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Dictionary;
  f: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage: (next) => {
        setLanguageState(next);
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Private browsing without storage: the choice lasts for this page only.
        }
      },
      t: dictionaries[language],
      f: formatters(language),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}
