import { useLocale, useTranslations } from "next-intl";
import { formatMeasure, targetPhrase, type MeasureUnit } from "@/lib/format";
import type { KeyResultDirection } from "@/lib/domain";

interface Props extends MeasureUnit {
  direction: KeyResultDirection;
  startValue: string;
  targetValue: string;
  currentValue: string;
}

/** "41 of 50 (from 32)", "4.6, holding at least 4.5", "Done" — the current value against the aim. */
export function TargetText(kr: Props) {
  const t = useTranslations("okr.target");
  const locale = useLocale();
  const current = formatMeasure(kr.currentValue, kr, locale);
  const phrase = targetPhrase(kr, locale);
  switch (phrase.kind) {
    case "range":
      return <>{t("range", { current, from: phrase.from, to: phrase.to })}</>;
    case "atLeast":
      return <>{t("atLeast", { current, value: phrase.value })}</>;
    case "atMost":
      return <>{t("atMost", { current, value: phrase.value })}</>;
    case "milestone":
      return <>{Number(kr.currentValue) >= 1 ? t("done") : t("notDone")}</>;
  }
}
