import { redirect } from "next/navigation";
import { requireMember } from "@/lib/tenant";

/** Leaders land on the dashboard; everyone else on their week, where the weekly work is. */
export default async function WorkspaceHome({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await requireMember((await params).org);
  redirect(`/${ctx.orgSlug}/${ctx.role === "member" ? "check-ins" : "dashboard"}`);
}
