import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InvitationList } from "@/components/settings/invitation-list";
import { InviteForm } from "@/components/settings/invite-form";
import { MemberTable, type MemberView } from "@/components/settings/member-table";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { MembershipRole } from "@/lib/domain";
import { can } from "@/lib/permissions";
import { listPendingInvitations } from "@/lib/services/invitations";
import { listMembers } from "@/lib/services/members";
import { requireMember } from "@/lib/tenant";

const roles: MembershipRole[] = ["owner", "admin", "member"];

export async function generateMetadata() {
  return { title: (await getTranslations("members"))("title") };
}

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ q?: string; after?: string }>;
}) {
  const ctx = await requireMember((await params).org);
  const { q, after } = await searchParams;
  const t = await getTranslations("members");
  const manages = can(ctx, "invitation.manage");
  const [page, invitations] = await Promise.all([listMembers(ctx, { q, after }), manages ? listPendingInvitations(ctx) : Promise.resolve([])]);

  const members: MemberView[] = page.items.map((member) => ({
    ...member,
    joinedAt: member.joinedAt.toISOString(),
    assignableRoles:
      member.userId === ctx.userId
        ? []
        : roles.filter((role) => role === member.role || can(ctx, "member.changeRole", { userId: member.userId, currentRole: member.role, newRole: role })),
    removable: can(ctx, "member.remove", { userId: member.userId, role: member.role }),
    isMe: member.userId === ctx.userId,
  }));
  const nextHref = page.nextCursor ? `?${new URLSearchParams({ ...(q ? { q } : {}), after: page.nextCursor })}` : null;

  return (
    <div className="flex flex-col gap-10">
      {manages ? (
        <section aria-labelledby="invite-heading" className="flex flex-col gap-4">
          <div>
            <h2 id="invite-heading" className="text-base font-semibold text-fg">
              {t("inviteTitle")}
            </h2>
            <p className="text-sm text-muted">{t("inviteDescription")}</p>
          </div>
          <InviteForm orgSlug={ctx.orgSlug} canInviteOwners={can(ctx, "invitation.create", { role: "owner" })} />
          <h3 className="pt-2 text-sm font-semibold text-fg">{t("pending")}</h3>
          <InvitationList
            orgSlug={ctx.orgSlug}
            invitations={invitations.map((invitation) => ({ ...invitation, expiresAt: invitation.expiresAt.toISOString() }))}
          />
        </section>
      ) : null}

      <section aria-labelledby="members-heading" className="flex flex-col gap-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <h2 id="members-heading" className="text-base font-semibold text-fg">
            {t("title")}
          </h2>
          <form role="search" className="flex gap-2">
            <label htmlFor="member-search" className="sr-only">
              {t("search")}
            </label>
            <Input id="member-search" name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} className="w-64" />
            <button type="submit" className={buttonClasses("secondary")}>
              {t("search")}
            </button>
          </form>
        </div>
        {members.length > 0 ? <MemberTable orgSlug={ctx.orgSlug} members={members} /> : <p className="text-sm text-subtle">{t("noMatches")}</p>}
        {nextHref ? (
          <Link href={nextHref} className={buttonClasses("secondary", "sm", "self-end")}>
            {t("nextPage")}
            <ChevronRight aria-hidden />
          </Link>
        ) : null}
      </section>
    </div>
  );
}
