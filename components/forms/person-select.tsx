"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Select } from "@/components/ui/select";

type Props = ComponentProps<typeof Select> & {
  /** Undefined while they load. */
  people: Array<{ id: string; name: string }> | undefined;
  failed?: boolean;
  /** A first option with the empty value ("No lead", "Choose a person…"). */
  emptyLabel?: string;
};

/**
 * A select of people that a dialog fetches when it opens. The loaded select is a new element
 * (its own key), not the placeholder updated in place: a reused <select> ignores `defaultValue`
 * and would silently show, and save, the first person instead of the current one.
 */
export function PersonSelect({ people, failed = false, emptyLabel, ...props }: Props) {
  const t = useTranslations("formOptions");
  if (!people) {
    return (
      <Select key="loading" id={props.id} className={props.className} aria-describedby={props["aria-describedby"]} disabled>
        <option>{t(failed ? "failedShort" : "loadingShort")}</option>
      </Select>
    );
  }
  return (
    <Select key="loaded" {...props}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {people.map((person) => (
        <option key={person.id} value={person.id}>
          {person.name}
        </option>
      ))}
    </Select>
  );
}
