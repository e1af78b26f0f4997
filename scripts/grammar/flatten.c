// A whole subtree read out of tree-sitter in one call from JavaScript.
//
// Linked into a grammar's side module (build.sh <folder> <name> flatten), it
// calls web-tree-sitter's own cursor exports (tree-sitter.wasm, the main
// module), which the dynamic linker hands it as wasm functions: every move and
// read is a wasm-to-wasm call, where the same walk from JavaScript crossed into
// wasm four or five times per node (server/src/core/syntax/rawCursor.ts).
//
// The cursor is the one in tree-sitter's transfer buffer, written there by the
// caller. The walk visits the subtree at the cursor in document order and
// writes four words per node:
//   type id | field id << 16,  start index,  end index,  flags
// (indices in UTF-16 code units, as web-tree-sitter gives them; flags: 1 the
// node is MISSING, 2 the node's children follow, closed by one END word).
// Nodes of type `opaque` are written without their children. The cursor ends
// on the subtree's root again. Returns the number of words written, or -1 when
// `capacity` words were not enough (the cursor is back on the root then too:
// its stack may have grown, so the caller must take it from the buffer either way).
#include <stdbool.h>
#include <stdint.h>

typedef struct TSTree TSTree;

// Exports of tree-sitter.wasm (lib/tree-sitter.c of web-tree-sitter 0.25).
bool ts_tree_cursor_goto_first_child_wasm(const TSTree *tree);
bool ts_tree_cursor_goto_next_sibling_wasm(const TSTree *tree);
bool ts_tree_cursor_goto_parent_wasm(const TSTree *tree);
uint16_t ts_tree_cursor_current_node_type_id_wasm(const TSTree *tree);
uint16_t ts_tree_cursor_current_field_id_wasm(const TSTree *tree);
uint32_t ts_tree_cursor_start_index_wasm(const TSTree *tree);
uint32_t ts_tree_cursor_end_index_wasm(const TSTree *tree);
bool ts_tree_cursor_current_node_is_missing_wasm(const TSTree *tree);

#define FLAG_MISSING 1u
#define FLAG_INNER 2u
#define END 0xFFFFFFFFu

#ifndef FLATTEN_NAME
#error "build.sh names the function per grammar: -DFLATTEN_NAME=wit_devkit_flatten_<name>"
#endif

// One node's four words; `inner` is whether the cursor went down into its children.
static bool write_node(const TSTree *tree, uint32_t *out, uint32_t at, uint32_t opaque, bool root) {
  uint32_t type = ts_tree_cursor_current_node_type_id_wasm(tree);
  uint32_t field = root ? 0 : ts_tree_cursor_current_field_id_wasm(tree);
  uint32_t start = ts_tree_cursor_start_index_wasm(tree);
  uint32_t end = ts_tree_cursor_end_index_wasm(tree);
  bool inner = (root || type != opaque) && ts_tree_cursor_goto_first_child_wasm(tree);
  uint32_t flags = inner ? FLAG_INNER : 0;
  // Only a zero-width token can be one the parser made up.
  if (!inner && start == end && ts_tree_cursor_current_node_is_missing_wasm(tree)) flags |= FLAG_MISSING;
  out[at] = type | field << 16;
  out[at + 1] = start;
  out[at + 2] = end;
  out[at + 3] = flags;
  return inner;
}

// Back up from `depth` levels below the subtree's root, after running out of room.
static int32_t give_up(const TSTree *tree, uint32_t depth) {
  for (; depth > 0; depth--) ts_tree_cursor_goto_parent_wasm(tree);
  return -1;
}

int32_t FLATTEN_NAME(const TSTree *tree, uint32_t *out, uint32_t capacity, uint32_t opaque) {
  if (capacity < 4) return -1;
  if (!write_node(tree, out, 0, opaque, true)) return 4;
  uint32_t n = 4;
  uint32_t depth = 1;
  for (;;) {
    if (n + 4 > capacity) return give_up(tree, depth);
    bool inner = write_node(tree, out, n, opaque, false);
    n += 4;
    if (inner) {
      depth++;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling_wasm(tree)) {
      if (n + 1 > capacity) return give_up(tree, depth);
      ts_tree_cursor_goto_parent_wasm(tree);
      out[n++] = END;
      if (--depth == 0) return (int32_t)n;
    }
  }
}
