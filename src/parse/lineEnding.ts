// The one line-ending detector (Lua sources and the TS codemods): lines a transform inserts
// follow the ending the file mostly uses. The rule is the majority of line ends, not the first
// one: a file with one stray CRLF line among LF lines (a pasted snippet) stays LF, and a file
// whose first line end is LF but whose other lines are CRLF stays CRLF.

/** The line ending a text mostly uses: '\r\n' when CRLF ends more lines than a bare LF does. */
export function lineEndingOf(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}
