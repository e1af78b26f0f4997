// External scanner for tree-sitter-wac: the tokens wac's lexer (logos) lexes without
// regard to the parser's state, lexed the same way here.
//   - identifier, package name (`a:b@1.0.0`) and package path (`a:b/c@1.0.0`): the
//     longest of the three wins, as in logos, so `c:d` is a package name wherever it
//     stands. A bare keyword is left to the grammar (returns false), so a keyword is
//     never taken for a name (`let let = ...` is an error at the second `let`).
//   - block comments, which nest (`/* /* */ */`); an unterminated one runs to the end
//     of the input and is still returned, so the language server reports it at its start.
//   - strings, which may span lines; an unterminated one runs to the end of the input.
// Tokens are returned even where the parser cannot take them: tree-sitter then
// reports the token itself as the error, where wac would.
#include "tree_sitter/parser.h"
#include <string.h>

enum TokenType { IDENTIFIER, PACKAGE_NAME, PACKAGE_PATH, BLOCK_COMMENT, STRING };

static const char *const KEYWORDS[] = {
  "import", "with", "type", "tuple", "list", "option", "result", "borrow", "resource",
  "variant", "record", "flags", "enum", "func", "static", "constructor", "u8", "s8",
  "u16", "s16", "u32", "s32", "u64", "s64", "f32", "f64", "char", "bool", "string",
  "interface", "world", "export", "new", "let", "use", "include", "as", "package",
  "targets", "async", "stream", "future", "error-context",
};

void *tree_sitter_wac_external_scanner_create(void) { return NULL; }
void tree_sitter_wac_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_wac_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload; (void)buffer;
  return 0;
}
void tree_sitter_wac_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  (void)payload; (void)buffer; (void)length;
}

static bool is_lower(int32_t c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(int32_t c) { return c >= 'A' && c <= 'Z'; }
static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

// The text of the token so far, for the keyword check (keywords are short).
typedef struct {
  char text[32];
  unsigned len;
  bool overflow;
} Word;

static void take(TSLexer *lexer, Word *w) {
  if (w) {
    if (w->len + 1 < sizeof w->text) w->text[w->len++] = (char)lexer->lookahead;
    else w->overflow = true;
  }
  lexer->advance(lexer, false);
}

// `[a-z][a-z0-9]*` or `[A-Z][A-Z0-9]*`; false (nothing consumed) when not at one.
static bool word(TSLexer *lexer, Word *w) {
  int32_t first = lexer->lookahead;
  if (is_lower(first)) {
    while (is_lower(lexer->lookahead) || is_digit(lexer->lookahead)) take(lexer, w);
    return true;
  }
  if (is_upper(first)) {
    while (is_upper(lexer->lookahead) || is_digit(lexer->lookahead)) take(lexer, w);
    return true;
  }
  return false;
}

// `%?word(-word)*`, marking the end after each word: 0 when there is no word (nothing
// marked), 1 when complete, 2 when a `-` has no word after it (the token ends at the
// last word, and nothing longer may be tried).
static int id(TSLexer *lexer, Word *w, bool *percent) {
  if (lexer->lookahead == '%') {
    if (percent) *percent = true;
    take(lexer, w);
  }
  if (!word(lexer, w)) return 0;
  lexer->mark_end(lexer);
  while (lexer->lookahead == '-') {
    take(lexer, w);
    if (!word(lexer, w)) return 2;
    lexer->mark_end(lexer);
  }
  return 1;
}

static bool semver_char(int32_t c) {
  return is_lower(c) || is_upper(c) || is_digit(c) || c == '-' || c == '+';
}

static bool scan_name(TSLexer *lexer) {
  Word w = {{0}, 0, false};
  bool percent = false;
  int first = id(lexer, &w, &percent);
  if (first == 0) return false;
  bool complete = first == 1;
  enum TokenType kind = IDENTIFIER;
  if (complete) {
    while (lexer->lookahead == ':') {
      lexer->advance(lexer, false);
      // `a:` is no package name (the mark stays after `a`); `a:b-` is `a:b`.
      int next = id(lexer, NULL, NULL);
      if (next != 0) kind = PACKAGE_NAME;
      if (next != 1) {
        complete = false;
        break;
      }
    }
  }
  if (complete && kind == PACKAGE_NAME) {
    while (lexer->lookahead == '/') {
      lexer->advance(lexer, false);
      int next = id(lexer, NULL, NULL);
      if (next != 0) kind = PACKAGE_PATH;
      if (next != 1) {
        complete = false;
        break;
      }
    }
  }
  if (complete && kind != IDENTIFIER && lexer->lookahead == '@') {
    lexer->advance(lexer, false);
    if (is_digit(lexer->lookahead)) {
      while (is_digit(lexer->lookahead)) lexer->advance(lexer, false);
      lexer->mark_end(lexer);
      while (lexer->lookahead == '.') {
        lexer->advance(lexer, false);
        if (!semver_char(lexer->lookahead)) break;
        while (semver_char(lexer->lookahead)) lexer->advance(lexer, false);
        lexer->mark_end(lexer);
      }
    }
  }
  if (kind == IDENTIFIER && !percent && !w.overflow) {
    // The word up to its last mark: a dangling `-` is not part of it.
    unsigned n = w.len;
    while (n > 0 && w.text[n - 1] == '-') n--;
    w.text[n] = 0;
    for (unsigned i = 0; i < sizeof KEYWORDS / sizeof KEYWORDS[0]; i++) {
      if (strcmp(w.text, KEYWORDS[i]) == 0) return false;
    }
  }
  lexer->result_symbol = kind;
  return true;
}

static bool scan_block_comment(TSLexer *lexer) {
  lexer->advance(lexer, false);
  if (lexer->lookahead != '*') return false;
  lexer->advance(lexer, false);
  unsigned depth = 1;
  while (depth > 0 && !lexer->eof(lexer)) {
    int32_t c = lexer->lookahead;
    lexer->advance(lexer, false);
    if (c == '*' && lexer->lookahead == '/') {
      lexer->advance(lexer, false);
      depth--;
    } else if (c == '/' && lexer->lookahead == '*') {
      lexer->advance(lexer, false);
      depth++;
    }
  }
  lexer->mark_end(lexer);
  lexer->result_symbol = BLOCK_COMMENT;
  return true;
}

static bool scan_string(TSLexer *lexer) {
  lexer->advance(lexer, false);
  while (!lexer->eof(lexer) && lexer->lookahead != '"') lexer->advance(lexer, false);
  if (!lexer->eof(lexer)) lexer->advance(lexer, false);
  lexer->mark_end(lexer);
  lexer->result_symbol = STRING;
  return true;
}

bool tree_sitter_wac_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  (void)payload;
  (void)valid_symbols;
  while (lexer->lookahead == ' ' || lexer->lookahead == '\t' || lexer->lookahead == '\n' ||
         lexer->lookahead == '\r' || lexer->lookahead == '\f') {
    lexer->advance(lexer, true);
  }
  if (lexer->lookahead == '/') return scan_block_comment(lexer);
  if (lexer->lookahead == '"') return scan_string(lexer);
  return scan_name(lexer);
}
