"use client";

import { Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useAction } from "@/components/forms/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { api } from "@/lib/api-client";
import { initials } from "@/components/shell/user-menu";

type Role = "owner" | "admin" | "member";

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
  teams: Array<{ id: string; name: string }>;
  /** Roles this viewer may give this member (empty: the role is read-only to them). */
  assignableRoles: Role[];
  removable: boolean;
  isMe: boolean;
}

export function MemberTable({ orgSlug, members }: { orgSlug: string; members: MemberView[] }) {
  const t = useTranslations("members");
  const tRoles = useTranslations("roles");
  const format = useFormatter();
  const changeRole = useAction({
    run: ({ userId, role }: { userId: string; role: Role }) => api(`/api/orgs/${orgSlug}/members/${userId}`, { method: "PATCH", body: { role } }),
    success: t("roleChanged"),
  });
  const remove = useAction({ run: (userId: string) => api(`/api/orgs/${orgSlug}/members/${userId}`, { method: "DELETE" }), success: t("removed") });

  return (
    <Table caption={t("tableCaption")}>
      <THead>
        <tr>
          <Th>{t("person")}</Th>
          <Th>{t("role")}</Th>
          <Th className="hidden md:table-cell">{t("teams")}</Th>
          <Th className="hidden sm:table-cell">{t("joined")}</Th>
          <Th>
            <span className="sr-only">{t("actions")}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {members.map((member) => (
          <Tr key={member.userId}>
            <Td>
              <div className="flex items-center gap-3">
                <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-surface-muted text-xs font-semibold text-muted" aria-hidden>
                  {initials(member.name)}
                </span>
                {/* On a phone the name and address give way, so role and Remove stay on the screen. */}
                <div className="flex max-w-[8.5rem] min-w-0 flex-col sm:max-w-none">
                  <span className="truncate font-medium text-fg">
                    {member.name}
                    {member.isMe ? <span className="font-normal text-subtle"> ({t("you")})</span> : null}
                  </span>
                  <span className="truncate text-xs text-subtle">{member.email}</span>
                </div>
              </div>
            </Td>
            <Td>
              {member.assignableRoles.length > 1 ? (
                <select
                  aria-label={t("roleOf", { name: member.name })}
                  value={member.role}
                  disabled={changeRole.isPending}
                  onChange={(event) => changeRole.mutate({ userId: member.userId, role: event.target.value as Role })}
                  className="h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg"
                >
                  {member.assignableRoles.map((role) => (
                    <option key={role} value={role}>
                      {tRoles(role)}
                    </option>
                  ))}
                </select>
              ) : (
                <Badge tone={member.role === "member" ? "neutral" : "accent"}>{tRoles(member.role)}</Badge>
              )}
            </Td>
            <Td className="hidden text-muted md:table-cell">{member.teams.map((team) => team.name).join(", ") || "—"}</Td>
            <Td className="hidden text-muted sm:table-cell">{format.dateTime(new Date(member.joinedAt), { dateStyle: "medium" })}</Td>
            <Td className="text-right">
              {member.removable ? (
                <ConfirmDialog
                  trigger={
                    <Button size="sm" variant="ghost" aria-label={t("removeName", { name: member.name })}>
                      <Trash2 className="sm:hidden" aria-hidden />
                      <span className="hidden sm:inline">{t("remove")}</span>
                    </Button>
                  }
                  title={t("removeTitle", { name: member.name })}
                  description={t("removeDescription")}
                  confirmLabel={t("remove")}
                  destructive
                  pending={remove.isPending}
                  onConfirm={() => remove.mutateAsync(member.userId)}
                />
              ) : null}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
