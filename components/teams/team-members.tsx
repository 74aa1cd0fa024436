"use client";

import { useTranslations } from "next-intl";
import { UserPlus } from "lucide-react";
import { useId, useState } from "react";
import { PersonSelect } from "@/components/forms/person-select";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";
import { initials } from "@/components/shell/user-menu";
import Link from "next/link";
import { useMemberOptions } from "./use-member-options";

interface Props {
  orgSlug: string;
  teamId: string;
  leadUserId: string | null;
  members: Array<{ userId: string; name: string; email: string }>;
  manages: boolean;
}

export function TeamMembers({ orgSlug, teamId, leadUserId, members, manages }: Props) {
  const t = useTranslations("teams");
  const tCommon = useTranslations("common");
  const selectId = useId();
  const [chosen, setChosen] = useState("");
  // The organisation's people are fetched only when a manager sets out to add someone.
  const [adding, setAdding] = useState(false);
  const candidates = useMemberOptions(orgSlug, manages && adding);
  const add = useAction({
    run: (userId: string) => api(`/api/orgs/${orgSlug}/teams/${teamId}/members`, { body: { userId } }),
    success: t("memberAdded"),
    onSuccess: () => setChosen(""),
  });
  const remove = useAction({
    run: (userId: string) => api(`/api/orgs/${orgSlug}/teams/${teamId}/members/${userId}`, { method: "DELETE" }),
    success: t("memberRemoved"),
  });
  const inTeam = new Set(members.map((member) => member.userId));
  const addable = candidates.data?.filter((candidate) => !inTeam.has(candidate.id));

  return (
    <div className="flex flex-col gap-4">
      {members.length > 0 ? (
        <ul className="divide-y divide-border">
          {members.map((member) => (
            <li key={member.userId} className="flex items-center gap-3 py-2.5">
              <span className="flex size-8 items-center justify-center rounded-full bg-surface-muted text-xs font-semibold text-muted" aria-hidden>
                {initials(member.name)}
              </span>
              <div className="flex min-w-0 flex-1 flex-col">
                <Link href={`/${orgSlug}/people/${member.userId}`} className="truncate text-sm font-medium text-fg hover:underline">
                  {member.name}
                </Link>
                <span className="truncate text-xs text-subtle">{member.userId === leadUserId ? t("lead") : member.email}</span>
              </div>
              {manages ? (
                <Button size="sm" variant="ghost" loading={remove.isPending && remove.variables === member.userId} onClick={() => remove.mutate(member.userId)} aria-label={t("removeMember", { name: member.name })}>
                  {t("remove")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-subtle">{t("noMembers")}</p>
      )}
      {manages && !adding ? (
        <Button variant="secondary" size="sm" className="self-start" onClick={() => setAdding(true)}>
          <UserPlus aria-hidden />
          {t("addMember")}
        </Button>
      ) : null}
      {manages && adding ? (
        <form
          className="flex flex-wrap gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) add.mutate(chosen);
          }}
        >
          <label htmlFor={selectId} className="sr-only">
            {t("addMember")}
          </label>
          <PersonSelect
            id={selectId}
            people={addable}
            failed={candidates.isError}
            emptyLabel={t("choosePerson")}
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            className="min-w-0 flex-1"
            autoFocus
          />
          <Button type="submit" variant="secondary" disabled={!chosen} loading={add.isPending}>
            {t("add")}
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              setAdding(false);
              setChosen("");
            }}
          >
            {tCommon("cancel")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
