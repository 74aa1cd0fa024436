import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { linkify, safeHref, tokenize } from "./linkify";

const html = (text: string) => renderToStaticMarkup(linkify(text));
const links = (text: string) => tokenize(text).filter((token) => token.kind === "link");

describe("tokenize", () => {
  it("keeps plain text as one token and turns line breaks into breaks", () => {
    expect(tokenize("Hei\r\npå deg\n\nså")).toEqual([
      { kind: "text", text: "Hei" },
      { kind: "break" },
      { kind: "text", text: "på deg" },
      { kind: "break" },
      { kind: "break" },
      { kind: "text", text: "så" },
    ]);
  });

  it("finds http and https links in the middle of a sentence", () => {
    expect(tokenize("Se https://nordlys.example/rapport og http://example.com i dag")).toEqual([
      { kind: "text", text: "Se " },
      { kind: "link", text: "https://nordlys.example/rapport", href: "https://nordlys.example/rapport" },
      { kind: "text", text: " og " },
      { kind: "link", text: "http://example.com", href: "http://example.com/" },
      { kind: "text", text: " i dag" },
    ]);
  });

  it("leaves trailing punctuation to the sentence", () => {
    for (const end of [".", ",", "!", "?", ":", ";", "…", "'", "\"", "”", "»", "’", ").", "),", "!)"]) {
      const text = `(les https://example.com/a/b${end}`;
      expect(links(text).map((token) => token.text), end).toEqual(["https://example.com/a/b"]);
    }
    expect(links("https://example.com/?q=1.").map((token) => token.text)).toEqual(["https://example.com/?q=1"]);
  });

  it("keeps balanced brackets that belong to the URL", () => {
    expect(links("See https://en.wikipedia.org/wiki/Foo_(bar).").map((token) => token.text)).toEqual(["https://en.wikipedia.org/wiki/Foo_(bar)"]);
    expect(links("(https://example.com/x)").map((token) => token.text)).toEqual(["https://example.com/x"]);
  });

  it("handles Norwegian letters around and inside URLs", () => {
    expect(tokenize("Blåbær: «https://no.wikipedia.org/wiki/Blåbær», så ærlig.")).toEqual([
      { kind: "text", text: "Blåbær: «" },
      { kind: "link", text: "https://no.wikipedia.org/wiki/Blåbær", href: "https://no.wikipedia.org/wiki/Bl%C3%A5b%C3%A6r" },
      { kind: "text", text: "», så ærlig." },
    ]);
    expect(links("Sjå https://blåbær.no/øl").map((token) => token.href)).toEqual(["https://xn--blbr-roah.no/%C3%B8l"]);
    // Glued to a word it is not a link: "påhttps://…" is more likely a typo than an address.
    expect(links("påhttps://example.com")).toEqual([]);
  });

  it("never turns other schemes into links", () => {
    for (const text of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      "javascript://example.com/%0aalert(1)",
      "javascript:alert(1)//https://example.com",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "ftp://example.com/file",
      "mailto:ola@example.com",
    ]) {
      expect(links(text), text).toEqual([]);
    }
  });

  it("refuses URLs without a host and ones that do not parse", () => {
    expect(links("https:// and http://")).toEqual([]);
    expect(links("https://javascript:alert(1)")).toEqual([]);
    expect(links("https://[::1")).toEqual([]);
    expect(links(`https://example.com/${"a".repeat(3000)}`)).toEqual([]);
  });

  it("stops a URL at markup and quotes, so an attribute cannot be smuggled in", () => {
    expect(links('https://example.com/"onmouseover="alert(1)').map((token) => token.href)).toEqual(["https://example.com/"]);
    expect(links("<https://example.com/x>").map((token) => token.text)).toEqual(["https://example.com/x"]);
  });

  it("stops a URL at bidirectional controls", () => {
    expect(links("https://example.com/\u202Egnp.exe").map((token) => token.text)).toEqual(["https://example.com/"]);
  });
});

describe("safeHref", () => {
  it("answers the normalised href of http(s) URLs only", () => {
    expect(safeHref("HTTPS://Example.COM")).toBe("https://example.com/");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });
});

describe("linkify", () => {
  it("escapes everything that is not a link", () => {
    expect(html('<script>alert("x")</script> & <b>fet</b>')).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;");
    expect(html("<img src=x onerror=alert(1)>")).not.toContain("<img");
  });

  it("renders links with a safe rel and a new tab, and line breaks as <br>", () => {
    expect(html("Første linje\nSe https://example.com/x.")).toBe(
      'Første linje<br/>Se <a href="https://example.com/x" rel="noopener noreferrer nofollow" target="_blank">https://example.com/x</a>.',
    );
  });

  it("does not link a javascript: URL even inside markup", () => {
    const out = html('<a href="javascript:alert(1)">klikk</a>');
    expect(out).not.toContain("<a");
    expect(out).toContain("&lt;a href=&quot;javascript:alert(1)&quot;&gt;");
  });

  it("adds a hint for screen readers when asked", () => {
    expect(renderToStaticMarkup(linkify("https://example.com", { newTabHint: "(opens in a new tab)", linkClassName: "link" }))).toBe(
      '<a href="https://example.com/" rel="noopener noreferrer nofollow" target="_blank" class="link">https://example.com<span class="sr-only"> (opens in a new tab)</span></a>',
    );
  });
});
