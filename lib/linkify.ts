import { createElement, Fragment, type ReactNode } from "react";

/**
 * Plain text as people typed it, with http(s) links clickable. A tokenizer rather than HTML
 * sanitising: the text never becomes markup, so nothing in it can be interpreted by the browser;
 * React escapes every text token, and only a URL that parses as http: or https: becomes an href.
 */

export type Token = { kind: "text"; text: string } | { kind: "link"; text: string; href: string } | { kind: "break" };

const START = /https?:\/\//giu;
/**
 * A URL runs to the next whitespace, or to a character that cannot be part of one in prose.
 * Bidirectional controls end it too, so a link cannot display text other than where it goes.
 */
const URL_BODY = /[^\s<>"`{}|\\^\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/uy;
/** Where a URL may begin: start of text, after whitespace, or after opening punctuation — not glued to a word. */
const OPENERS = new Set(["(", "[", "{", "<", "«", "\"", "'", "“", "‘", "„", "‚", "*", "_"]);
/** Sentence punctuation after a URL belongs to the sentence: "see https://x.no." */
const TRAILING = new Set([".", ",", ":", ";", "!", "?", "'", "\"", "»", "”", "’", "…", "*", "_"]);
const CLOSERS: Record<string, string> = { ")": "(", "]": "[" };
/** Longer than any real link; a cap keeps a pasted blob from becoming one giant anchor. */
const MAX_URL_LENGTH = 2048;

function startsFreely(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text[index - 1] ?? "";
  return /\s/u.test(before) || OPENERS.has(before);
}

/** Drops sentence punctuation and unbalanced closing brackets from the end of a URL. */
function trimTrailing(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    if (!last) return url;
    if (TRAILING.has(last)) {
      url = url.slice(0, -1);
      continue;
    }
    const opener = CLOSERS[last];
    if (opener && count(url, last) > count(url, opener)) {
      url = url.slice(0, -1);
      continue;
    }
    return url;
  }
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** The normalised href of an http(s) URL with a host, or null for anything else. */
export function safeHref(candidate: string): string | null {
  if (candidate.length > MAX_URL_LENGTH) return null;
  try {
    const url = new URL(candidate);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

function pushText(tokens: Token[], text: string) {
  if (!text) return;
  const last = tokens.at(-1);
  if (last?.kind === "text") last.text += text;
  else tokens.push({ kind: "text", text });
}

function tokenizeLine(line: string, tokens: Token[]) {
  let from = 0;
  START.lastIndex = 0;
  for (let match = START.exec(line); match; match = START.exec(line)) {
    const index = match.index;
    if (!startsFreely(line, index)) continue;
    URL_BODY.lastIndex = index;
    const body = URL_BODY.exec(line)?.[0] ?? "";
    const candidate = trimTrailing(body);
    const href = safeHref(candidate);
    if (!href) continue;
    pushText(tokens, line.slice(from, index));
    tokens.push({ kind: "link", text: candidate, href });
    from = index + candidate.length;
    START.lastIndex = from;
  }
  pushText(tokens, line.slice(from));
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .forEach((line, index) => {
      if (index > 0) tokens.push({ kind: "break" });
      tokenizeLine(line, tokens);
    });
  return tokens;
}

export interface LinkifyOptions {
  linkClassName?: string;
  /** Said to screen readers after each link, e.g. "(opens in a new tab)". */
  newTabHint?: string;
}

/** The text as React nodes: text, <br> for line breaks, and <a> for http(s) links. */
export function linkify(text: string, { linkClassName, newTabHint }: LinkifyOptions = {}): ReactNode {
  const nodes = tokenize(text).map((token, index) => {
    switch (token.kind) {
      case "text":
        return createElement(Fragment, { key: index }, token.text);
      case "break":
        return createElement("br", { key: index });
      case "link":
        return createElement(
          "a",
          { key: index, href: token.href, rel: "noopener noreferrer nofollow", target: "_blank", className: linkClassName },
          token.text,
          newTabHint ? createElement("span", { className: "sr-only" }, ` ${newTabHint}`) : null,
        );
    }
  });
  return createElement(Fragment, null, ...nodes);
}
