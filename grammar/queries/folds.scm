; Folding ranges for tree-sitter-wit: every braced body, parameter lists that span lines,
; and block comments.
[
  (package_body)
  (interface_body)
  (world_body)
  (resource_body)
  (record_item)
  (variant_item)
  (enum_item)
  (flags_item)
  (param_list)
  (block_comment)
] @fold
