// Parse every Mermaid diagram given on stdin (a JSON array of strings) in one process.
// Prints a JSON array of {ok, error, line}: line is the 1-based diagram line of a parse error, when known.
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true });
// Mermaid reads browser globals when it loads; jsdom provides them.
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["Element", "HTMLElement", "SVGElement", "Node", "DOMParser", "MutationObserver"]) {
  globalThis[name] ??= dom.window[name];
}
Object.defineProperty(globalThis, "navigator", { value: dom.window.navigator, configurable: true });

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

const LINE_RE = /on line (\d+)/i;

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const diagrams = JSON.parse(await readStdin());
const results = [];
for (const text of diagrams) {
  try {
    await mermaid.parse(text);
    results.push({ ok: true, error: "", line: null });
  } catch (error) {
    // "Parse error on line 4:\n<excerpt>\n----^\nExpecting 'X', got 'Y'": keep the first and last lines.
    const lines = String(error?.message ?? error).split("\n").filter((l) => l.trim());
    const expecting = lines.find((l) => l.startsWith("Expecting"));
    const message = [lines[0] ?? "parse error", expecting].filter(Boolean).join(" ");
    const match = LINE_RE.exec(lines[0] ?? "");
    results.push({ ok: false, error: message, line: match ? Number(match[1]) : null });
  }
}
process.stdout.write(JSON.stringify(results));
