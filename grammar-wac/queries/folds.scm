; Folding ranges for tree-sitter-wac: every braced body, argument lists and parameter lists
; that span lines, and block comments.
[
  (interface_body)
  (world_body)
  (resource_body)
  (record_decl)
  (variant_decl)
  (enum_decl)
  (flags_decl)
  (instantiation_arguments)
  (param_list)
  (block_comment)
] @fold
