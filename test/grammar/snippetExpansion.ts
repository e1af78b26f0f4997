// Expands a VS Code snippet body the way accepting every default would: `${1:text}` becomes
// `text` (defaults may nest), `${1|a,b|}` its first choice, and bare tab stops (`$1`, `${1}`,
// `$0`) disappear. Only the syntax our snippets use is handled; anything else is left in place
// so that the parse fails loudly instead of passing by accident.
export function expandWithDefaults(body: string | string[]): string {
  let text = Array.isArray(body) ? body.join('\n') : body;
  const innermostDefault = /\$\{\d+:([^${}]*)\}/g;
  let previous: string;
  do {
    previous = text;
    text = text.replace(innermostDefault, '$1');
  } while (text !== previous);
  return text
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+\}/g, '')
    .replace(/\$\d+/g, '');
}
