/**
 * Line numbers in a JSON text, so that schema errors can say "file:line: field: message". A tiny
 * scanner (no dependency) walks a text JSON.parse has accepted and records the line where each
 * value starts, keyed by its path; a JSON syntax error's position is turned into a line too. Pure.
 */

export type JsonPath = readonly (string | number)[];

const key = (path: JsonPath) => JSON.stringify(path);

/** The 1-based line of character offset `pos` in `text`. */
export function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Line of every value in a valid JSON text, by path (`[]` is the root, `["objectives", 0, "id"]`
 * the id of the first objective). For an object member, the line of its key.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let pos = 0;
  let line = 1;
  const advance = () => {
    if (text.charCodeAt(pos) === 10) line++;
    pos++;
  };
  const ws = () => {
    while (pos < text.length && /\s/.test(text[pos] ?? '')) advance();
  };
  const str = (): string => {
    const start = pos;
    advance(); // opening quote
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\') advance();
      advance();
    }
    advance(); // closing quote
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const value = (path: JsonPath, at: number) => {
    ws();
    if (!lines.has(key(path))) lines.set(key(path), at || line);
    const ch = text[pos];
    if (ch === '{') {
      advance();
      ws();
      while (pos < text.length && text[pos] !== '}') {
        ws();
        const keyLine = line;
        const k = str();
        ws();
        advance(); // ':'
        value([...path, k], keyLine);
        ws();
        if (text[pos] === ',') advance();
        ws();
      }
      advance();
    } else if (ch === '[') {
      advance();
      ws();
      let i = 0;
      while (pos < text.length && text[pos] !== ']') {
        ws();
        value([...path, i++], 0);
        ws();
        if (text[pos] === ',') advance();
        ws();
      }
      advance();
    } else if (ch === '"') {
      str();
    } else {
      while (pos < text.length && !/[\s,\]}]/.test(text[pos] ?? '')) advance();
    }
  };
  value([], 0);
  return lines;
}

/** The line of `path`, or of its deepest ancestor present in the text (a missing field: its object). */
export function lineOf(lines: Map<string, number>, path: JsonPath): number {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(key(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return 1;
}

/** The line of a JSON.parse syntax error (V8 says "at position N" and, in newer versions, "line N"). */
export function syntaxErrorLine(text: string, message: string): number | null {
  const byLine = /\(line (\d+) column \d+\)/.exec(message);
  if (byLine?.[1]) return Number(byLine[1]);
  const byPos = /at position (\d+)/.exec(message);
  if (byPos?.[1]) return lineAt(text, Number(byPos[1]));
  return null;
}
