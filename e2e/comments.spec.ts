import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, unique } from "./helpers";

test.describe("Comments", () => {
  test("a member comments on an objective with a link, edits and deletes it, and the activity page tells it", async ({ page }) => {
    // Two pages, each checked with axe, and three writes: more than the default minute on a busy machine.
    test.slow();
    const run = unique();
    await signIn(page, demo.member);
    await page.goto(`/${demo.org}/okrs/tree`);
    await page.getByRole("tree").getByRole("treeitem").first().click();
    await expect(page).toHaveURL(new RegExp(`/${demo.org}/okrs/[0-9a-f-]{36}`));
    const title = await page.getByRole("heading", { level: 1 }).innerText();

    const comments = page.getByRole("region", { name: "Comments" });
    const box = comments.getByLabel("Add a comment");
    await box.fill(`Første linje ${run}\nSe https://example.com/rapport-${run}.`);
    await box.press("Control+Enter");
    await expect(page.getByText("Comment posted", { exact: true })).toBeVisible();

    const mine = comments.getByRole("article").filter({ hasText: `Første linje ${run}` });
    await expect(mine).toHaveCount(1);
    const link = mine.getByRole("link", { name: `https://example.com/rapport-${run}` });
    await expect(link).toHaveAttribute("href", `https://example.com/rapport-${run}`);
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
    // The line break is kept, and the full stop after the URL stays text.
    await expect(mine.locator("br")).toHaveCount(1);
    await expect(mine).toContainText(`rapport-${run} (opens in a new tab).`);
    await expectNoAxeViolations(page);

    await mine.getByRole("button", { name: "Edit" }).click();
    const edit = mine.getByLabel("Edit your comment");
    await expect(edit).toBeFocused();
    await edit.fill(`Andre linje ${run}`);
    await mine.getByRole("button", { name: "Save" }).click();
    const edited = comments.getByRole("article").filter({ hasText: `Andre linje ${run}` });
    await expect(edited).toContainText("(edited)");
    await expect(edited.getByRole("button", { name: "Edit" })).toBeFocused();

    const objectiveUrl = page.url();
    await page.goto(`/${demo.org}/activity`);
    await expect(page.getByRole("heading", { level: 1, name: "What changed" })).toBeVisible();
    const entry = page.getByRole("listitem").filter({ hasText: `commented: “Andre linje ${run}”` });
    await expect(entry).toBeVisible();
    await expect(entry.getByRole("link", { name: title })).toHaveAttribute("href", new RegExp(`${new URL(objectiveUrl).pathname}#comment-`));
    await expectNoAxeViolations(page);

    await page.goto(objectiveUrl);
    const again = comments.getByRole("article").filter({ hasText: `Andre linje ${run}` });
    await again.getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this comment?" });
    await dialog.getByRole("button", { name: "Delete comment" }).click();
    await expect(dialog).toBeHidden();
    await expect(comments.getByText(`Andre linje ${run}`)).toHaveCount(0);
    await expect(comments.getByText("Comment deleted", { exact: true }).first()).toBeVisible();

    await page.goto(`/${demo.org}/activity`);
    await expect(page.getByText(`Andre linje ${run}`)).toHaveCount(0);
    await expect(page.getByRole("listitem").filter({ hasText: "Emil Johansen deleted a comment" }).first()).toBeVisible();
  });
});
